using System.Net.Mail;
using System.Text;
using System.Text.Json;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>One error as SendGrid reports it: <c>{ "message": …, "field": …, "help": null }</c>.</summary>
public sealed record SendGridError(string Message, string? Field, string? Help = null);

/// <summary>One personalization: its recipients, and what it overrides of the mail.</summary>
public sealed record Personalization(
    IReadOnlyList<EmailAddress> Recipients,
    string? Subject,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> CustomArgs);

/// <summary>
/// A <c>POST /v3/mail/send</c> body that passed the checks SendGrid documents for v3 mail send.
/// Read from the raw JSON so that every wrong field is reported with its path, as SendGrid does.
/// </summary>
public sealed record SendGridRequest(
    IReadOnlyList<Personalization> Personalizations,
    EmailAddress From,
    EmailAddress? ReplyTo,
    string? Subject,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<string> Categories,
    bool SandboxMode)
{
    public const int MaxPersonalizations = 1000;
    public const int MaxRecipients = 1000;
    public const int MaxCustomArgsBytes = 10_000;
    public const int MaxCategories = 10;
    public const int MaxCategoryLength = 255;

    // Headers SendGrid sets itself and refuses in a request.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type", "content-transfer-encoding",
        "to", "from", "subject", "reply-to", "cc", "bcc",
    };

    /// <summary>The request, or the list of everything wrong with it.</summary>
    public static (SendGridRequest? Request, IReadOnlyList<SendGridError> Errors) Read(JsonElement root)
    {
        var errors = new List<SendGridError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [new SendGridError("Bad Request", null)]);
        }

        var headers = StringMap(root, "headers", "headers", errors);
        CheckHeaders(headers, "headers", errors);
        var customArgs = StringMap(root, "custom_args", "custom_args", errors);
        var from = Address(root, "from", "from", errors, required: true);
        var replyTo = Address(root, "reply_to", "reply_to", errors, required: false);
        var subject = OptionalString(root, "subject", "subject", errors);
        var personalizations = ReadPersonalizations(root, headers, customArgs, errors);

        if (string.IsNullOrEmpty(subject) && (personalizations.Count == 0 || personalizations.Any(p => string.IsNullOrEmpty(p.Subject))))
        {
            errors.Add(new SendGridError(
                "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                "subject"));
        }
        if (root.TryGetProperty("template_id", out _))
        {
            errors.Add(new SendGridError("Templates are not supported by the development mailbox: send content.", "template_id"));
        }

        var (text, html) = ReadContent(root, errors);
        var categories = ReadCategories(root, errors);
        var sandbox = ReadSandboxMode(root, errors);

        return errors.Count > 0
            ? (null, errors)
            : (new SendGridRequest(personalizations, from!, replyTo, subject, text, html, headers, customArgs, categories, sandbox), errors);
    }

    private static List<Personalization> ReadPersonalizations(
        JsonElement root, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> customArgs, List<SendGridError> errors)
    {
        var result = new List<Personalization>();
        if (!root.TryGetProperty("personalizations", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError("The personalizations field is required and must have at least one personalization.", "personalizations"));
            return result;
        }
        if (list.GetArrayLength() > MaxPersonalizations)
        {
            errors.Add(new SendGridError($"The personalizations field may have at most {MaxPersonalizations} personalizations.", "personalizations"));
            return result;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"personalizations.{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SendGridError("A personalization must be an object.", path));
                continue;
            }
            var to = Addresses(item, "to", path, errors, required: true);
            var cc = Addresses(item, "cc", path, errors, required: false);
            var bcc = Addresses(item, "bcc", path, errors, required: false);
            var recipients = to.Concat(cc).Concat(bcc).ToList();
            if (recipients.Count > MaxRecipients)
            {
                errors.Add(new SendGridError($"A personalization may have at most {MaxRecipients} recipients across to, cc and bcc.", path));
            }
            var duplicate = recipients.GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add(new SendGridError(
                    $"Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [{duplicate.Key}] in the {path} field.",
                    path));
            }

            var ownHeaders = StringMap(item, "headers", $"{path}.headers", errors);
            CheckHeaders(ownHeaders, $"{path}.headers", errors);
            var ownArgs = StringMap(item, "custom_args", $"{path}.custom_args", errors);
            var mergedArgs = Merge(customArgs, ownArgs);
            if (Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(mergedArgs)) > MaxCustomArgsBytes)
            {
                errors.Add(new SendGridError($"The custom_args of a personalization, with the mail's own, may total at most {MaxCustomArgsBytes} bytes.", $"{path}.custom_args"));
            }
            result.Add(new Personalization(
                recipients, OptionalString(item, "subject", $"{path}.subject", errors), Merge(headers, ownHeaders), mergedArgs));
        }
        return result;
    }

    private static (string? Text, string? Html) ReadContent(JsonElement root, List<SendGridError> errors)
    {
        if (!root.TryGetProperty("content", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.", "content"));
            return (null, null);
        }
        string? text = null, html = null;
        var types = new List<string>();
        var index = 0;
        foreach (var block in list.EnumerateArray())
        {
            var path = $"content.{index++}";
            var type = block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var value = block.ValueKind == JsonValueKind.Object && block.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (string.IsNullOrEmpty(type))
            {
                errors.Add(new SendGridError("The content type must be a string at least one character in length.", $"{path}.type"));
            }
            if (string.IsNullOrEmpty(value))
            {
                errors.Add(new SendGridError("The content value must be a string at least one character in length.", $"{path}.value"));
            }
            if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(value))
            {
                continue;
            }
            types.Add(type.ToLowerInvariant());
            if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text = value;
            }
            else if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = value;
            }
        }
        // text/plain first, then text/html, then any other type.
        var plainAt = types.IndexOf("text/plain");
        var htmlAt = types.IndexOf("text/html");
        var plainInPlace = plainAt is -1 or 0;
        var htmlInPlace = htmlAt == -1 || htmlAt == (plainAt == 0 ? 1 : 0);
        if (!plainInPlace || !htmlInPlace)
        {
            errors.Add(new SendGridError("If present, text/plain and text/html may only be provided in this order, before any other content.", "content"));
        }
        return (text, html);
    }

    private static List<string> ReadCategories(JsonElement root, List<SendGridError> errors)
    {
        var categories = new List<string>();
        if (!root.TryGetProperty("categories", out var list))
        {
            return categories;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new SendGridError("The categories field must be an array of strings.", "categories"));
            return categories;
        }
        if (list.GetArrayLength() > MaxCategories)
        {
            errors.Add(new SendGridError($"Too many categories. Maximum number of categories is {MaxCategories}.", "categories"));
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"categories.{index++}";
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new SendGridError("A category must be a string.", path));
            }
            else if (item.GetString()!.Length > MaxCategoryLength)
            {
                errors.Add(new SendGridError($"A category cannot have more than {MaxCategoryLength} characters.", path));
            }
            else
            {
                categories.Add(item.GetString()!);
            }
        }
        return categories;
    }

    private static bool ReadSandboxMode(JsonElement root, List<SendGridError> errors)
    {
        if (!root.TryGetProperty("mail_settings", out var settings) || !settings.TryGetProperty("sandbox_mode", out var sandbox)
            || !sandbox.TryGetProperty("enable", out var enable))
        {
            return false;
        }
        if (enable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new SendGridError("Invalid type. Expected: boolean.", "mail_settings.sandbox_mode.enable"));
            return false;
        }
        return enable.GetBoolean();
    }

    private static List<EmailAddress> Addresses(JsonElement owner, string name, string ownerPath, List<SendGridError> errors, bool required)
    {
        var result = new List<EmailAddress>();
        var path = $"{ownerPath}.{name}";
        if (!owner.TryGetProperty(name, out var list))
        {
            if (required)
            {
                errors.Add(new SendGridError($"The {name} array is required for all personalization objects, and must have at least one email object with a valid email address.", path));
            }
            return result;
        }
        if (list.ValueKind != JsonValueKind.Array || (required && list.GetArrayLength() == 0))
        {
            errors.Add(new SendGridError($"The {name} field must be an array of email objects with at least one entry.", path));
            return result;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (ToAddress(item, $"{path}.{index++}", errors) is { } address)
            {
                result.Add(address);
            }
        }
        return result;
    }

    private static EmailAddress? Address(JsonElement owner, string name, string path, List<SendGridError> errors, bool required)
    {
        if (owner.TryGetProperty(name, out var value))
        {
            return ToAddress(value, path, errors);
        }
        if (required)
        {
            errors.Add(new SendGridError($"The {name} object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", path));
        }
        return null;
    }

    private static EmailAddress? ToAddress(JsonElement value, string path, List<SendGridError> errors)
    {
        var email = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString() : null;
        if (!IsEmail(email))
        {
            errors.Add(new SendGridError("Does not contain a valid address.", $"{path}.email"));
            return null;
        }
        var name = value.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new EmailAddress(email!, string.IsNullOrEmpty(name) ? null : name);
    }

    // A bare address (no display name, no surrounding text) that System.Net.Mail accepts.
    private static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;

    private static string? OptionalString(JsonElement owner, string name, string path, List<SendGridError> errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new SendGridError("Invalid type. Expected: string.", path));
            return null;
        }
        return value.GetString();
    }

    private static Dictionary<string, string> StringMap(JsonElement owner, string name, string path, List<SendGridError> errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SendGridError("Invalid type. Expected: object.", path));
            return map;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new SendGridError($"Invalid type. Expected: string, given: {property.Value.ValueKind.ToString().ToLowerInvariant()}.", $"{path}.{property.Name}"));
            }
            else
            {
                map[property.Name] = property.Value.GetString()!;
            }
        }
        if (name == "custom_args" && Encoding.UTF8.GetByteCount(value.GetRawText()) > MaxCustomArgsBytes)
        {
            errors.Add(new SendGridError($"The custom_args field may total at most {MaxCustomArgsBytes} bytes.", path));
        }
        return map;
    }

    private static void CheckHeaders(IReadOnlyDictionary<string, string> headers, string path, List<SendGridError> errors)
    {
        foreach (var name in headers.Keys.Where(ReservedHeaders.Contains))
        {
            errors.Add(new SendGridError($"The header {name} is reserved and cannot be set.", $"{path}.{name}"));
        }
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> mail, IReadOnlyDictionary<string, string> personalization)
    {
        var merged = new Dictionary<string, string>(mail, StringComparer.Ordinal);
        foreach (var (key, value) in personalization)
        {
            merged[key] = value;
        }
        return merged;
    }
}
