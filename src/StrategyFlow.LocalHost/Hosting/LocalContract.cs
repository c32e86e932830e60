using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration.Memory;

namespace StrategyFlow.LocalHost.Hosting;

/// <summary>
/// The local contract (docs/design.md §9): where the host listens, where its data lives, which storage it uses
/// and the ops key. Every value comes from an environment variable (or any configuration source under
/// the same name) with a development default.
/// </summary>
public sealed record LocalContract(Uri BaseUrl, string DataDirectory, string StorageConnectionString, string OpsKey, bool OpsKeyIsDefault)
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string DefaultStorage = "UseDevelopmentStorage=true";

    /// <summary>Not a secret: the key every fresh clone uses until STRATEGYFLOW_OPS_KEY is set.</summary>
    public const string DefaultOpsKey = "local-dev-key";

    /// <summary>Resolves the contract from configuration (environment variables included).</summary>
    public static LocalContract Resolve(IConfiguration configuration, string contentRoot)
    {
        var url = configuration["STRATEGYFLOW_URL"] is { Length: > 0 } u ? u : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttp
            || baseUrl.AbsolutePath != "/")
        {
            throw new InvalidOperationException(
                $"STRATEGYFLOW_URL must be an http URL without a path, like {DefaultUrl}; got '{url}'.");
        }

        var data = configuration["STRATEGYFLOW_DATA"] is { Length: > 0 } d
            ? Path.GetFullPath(d)
            : Path.Combine(FindRepositoryRoot(contentRoot), ".data");
        var storage = configuration["STRATEGYFLOW_STORAGE"] is { Length: > 0 } s ? s : DefaultStorage;
        var opsKey = configuration["STRATEGYFLOW_OPS_KEY"];
        var contract = string.IsNullOrEmpty(opsKey)
            ? new LocalContract(baseUrl, data, storage, DefaultOpsKey, OpsKeyIsDefault: true)
            : new LocalContract(baseUrl, data, storage, opsKey, OpsKeyIsDefault: false);

        // The default key is in every clone: it may only guard a host that nothing but this machine can reach.
        if (contract.OpsKeyIsDefault && !contract.ListenAddresses().All(IPAddress.IsLoopback))
        {
            throw new InvalidOperationException(
                $"STRATEGYFLOW_URL {baseUrl.GetLeftPart(UriPartial.Authority)} can be reached from other machines, and the ops key is the public " +
                "default. Set STRATEGYFLOW_OPS_KEY to a key of your own, or listen on 127.0.0.1 or localhost.");
        }

        return contract;
    }

    /// <summary>
    /// The host names requests may carry (host filtering): the loopback names and the names links and the
    /// mail client use. Any other name is refused, so a web page on a rebound DNS name cannot reach the host.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts(string? publicBaseUrl)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var url in new[] { BaseUrl, Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var link) ? link : null })
        {
            if (url is not null && url.Host is not ("*" or "+" or "0.0.0.0" or "[::]"))
            {
                hosts.Add(url.Host);
            }
        }

        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The URL without its trailing slash, as links and the SendGrid host want it.</summary>
    public string BaseUrlText => BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The addresses Kestrel binds for the public surface.</summary>
    public IPAddress[] ListenAddresses() => BaseUrl.Host switch
    {
        "localhost" => [IPAddress.Loopback, IPAddress.IPv6Loopback],
        "*" or "+" => [IPAddress.Any],
        var host when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => [ip],
        var host => throw new InvalidOperationException($"STRATEGYFLOW_URL host '{host}' must be an IP address or localhost."),
    };

    // The repository's .data folder is git-ignored; outside a clone, the working directory is used.
    private static string FindRepositoryRoot(string contentRoot)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, contentRoot, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StrategyFlow.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}

public static class LocalContractExtensions
{
    /// <summary>The SendGrid key of the development mailbox. Not a secret: it only reaches this host.</summary>
    public const string DevMailApiKey = "SG.strategyflow-local-development-mailbox";

    /// <summary>
    /// Resolves the local contract, binds Kestrel to its URL, and supplies the StrategyFlow settings the
    /// local host owns (base URL, mail to the development mailbox, signing key, Azurite) unless configured.
    /// </summary>
    public static LocalContract AddLocalContract(this WebApplicationBuilder builder)
    {
        var contract = LocalContract.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(contract.DataDirectory);
        builder.Services.AddSingleton(contract);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in contract.ListenAddresses())
            {
                kestrel.Listen(address, contract.BaseUrl.Port);
            }
        });

        var defaults = new Dictionary<string, string?>
        {
            ["StrategyFlow:PublicBaseUrl"] = contract.BaseUrlText,
            ["StrategyFlow:Mail:Host"] = contract.BaseUrlText,
            ["StrategyFlow:Mail:ApiKey"] = DevMailApiKey,
            ["StrategyFlow:Mail:SenderEmail"] = "strategyflow@localhost.test",
            ["StrategyFlow:Storage:ConnectionString"] = contract.StorageConnectionString,
        };
        if (string.IsNullOrEmpty(builder.Configuration["StrategyFlow:Links:SigningKey"]))
        {
            defaults["StrategyFlow:Links:SigningKey"] = DevelopmentSigningKey(contract.DataDirectory);
        }

        // Host filtering reads AllowedHosts; set it (environment AllowedHosts) to serve other names.
        defaults["AllowedHosts"] = string.Join(';', contract.AllowedHosts(builder.Configuration["StrategyFlow:PublicBaseUrl"]));

        // Lowest precedence: anything configured elsewhere (appsettings, environment, command line) wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return contract;
    }

    // Generated once per data folder and kept there (git-ignored), so links survive a restart.
    private static string DevelopmentSigningKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "link-signing-key");
        if (!File.Exists(path))
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, key);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp); // another process created it first: use theirs
            }
        }
        return File.ReadAllText(path).Trim();
    }
}
