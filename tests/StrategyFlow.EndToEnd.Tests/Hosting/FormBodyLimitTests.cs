using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

/// <summary>
/// The local host refuses a form body over the form limit (a little over 5 MB, sized for the largest valid
/// review page) with a 413 page in the strategy's language, whether or not the body says its length.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class FormBodyLimitTests(LocalRuntimeFixture runtime)
{
    /// <summary>Three times the form limit.</summary>
    private const long OverTheLimit = 16L * 1024 * 1024;

    private readonly StrategyOps _ops = new(runtime);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FormPost_BodyOverTheLimit_Answers413PageInTheStrategysLanguage(bool chunked)
    {
        var request = StrategyOps.NewRequest("limit", 1, new JsonObject { ["responseWindow"] = "PT2M", ["approvalWindow"] = "PT2M" });
        await _ops.StartAsync(request);
        var link = await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(request, 1), "Invitation", "goals");

        var page = await PostUnreadAsync(new Uri(link), OverTheLimit, chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Equal("fi", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Lähetys oli liian suuri", page.Document.QuerySelector("h1")?.TextContent);
        var status = await _ops.StatusAsync(StrategyOps.Id(request));
        Assert.Empty(StrategyOps.Strings(status.GetProperty("stage").GetProperty("answered")));
    }

    [Fact]
    public async Task FormPost_Multipart_Answers415PageUnread()
    {
        var request = StrategyOps.NewRequest("multipart", 1, new JsonObject { ["responseWindow"] = "PT2M", ["approvalWindow"] = "PT2M" });
        await _ops.StartAsync(request);
        var link = await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(request, 1), "Invitation", "goals");
        using var content = new MultipartFormDataContent { { new StringContent("submit"), "action" }, { new StringContent("Liidit"), "goals[0].title" } };

        using var response = await runtime.Http.PostAsync(new Uri(link), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Posts a URL-encoded body of <paramref name="length"/> bytes over a raw connection while reading the answer:
    /// a server that refuses a body answers and closes before taking all of it, which HttpClient reports only as a
    /// broken pipe. With <paramref name="chunked"/> the body has no Content-Length.
    /// </summary>
    private static async Task<WebPage> PostUnreadAsync(Uri link, long length, bool chunked)
    {
        using var timeout = new CancellationTokenSource(StrategyOps.StepTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(link.Host, link.Port, timeout.Token);
        var stream = client.GetStream();
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {length}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {link.PathAndQuery} HTTP/1.1\r\nHost: {link.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n"), timeout.Token);
        var answer = ReadUntilClosedAsync(stream, timeout.Token);
        try
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            "responses%5B0%5D="u8.CopyTo(chunk);
            for (var left = length; left > 0 && !answer.IsCompleted; left -= chunk.Length)
            {
                var size = (int)Math.Min(left, chunk.Length);
                await stream.WriteAsync(chunked ? Encoding.ASCII.GetBytes($"{size:x}\r\n") : [], timeout.Token);
                await stream.WriteAsync(chunk.AsMemory(0, size), timeout.Token);
                await stream.WriteAsync(chunked ? "\r\n"u8.ToArray() : [], timeout.Token);
            }
        }
        catch (IOException)
        {
            // The server stopped reading: its answer is on the way.
        }

        var text = Encoding.UTF8.GetString(await answer);
        var status = int.Parse(text.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: text/html", text[..headerEnd], StringComparison.OrdinalIgnoreCase);
        return new WebPage((HttpStatusCode)status, text[(headerEnd + 4)..]);
    }

    private static async Task<byte[]> ReadUntilClosedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it is the answer.
        }
        return received.ToArray();
    }
}
