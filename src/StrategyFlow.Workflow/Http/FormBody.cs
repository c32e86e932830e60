using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Reads a posted stakeholder form or review page within <see cref="FormLimits"/>, on either host. What cannot
/// be read becomes a page in the strategy's language: 413 when too large, 415 when not a URL-encoded form.
/// </summary>
internal static class FormBody
{
    private static readonly FormOptions Options = new()
    {
        BufferBody = false,
        ValueCountLimit = FormLimits.MaxValueCount,
        KeyLengthLimit = FormLimits.MaxKeyBytes,
        ValueLengthLimit = FormLimits.MaxValueBytes,
    };

    public static async Task<(IFormCollection? Values, IResult? Page)> ReadAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return (null, FormPages.Notice(NoticeKind.BadRequest, language));
        }

        // The pages post URL-encoded forms only. Multipart would bring file buffering and limits of its own: refused unread.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, FormPages.Notice(NoticeKind.UnsupportedMediaType, language));
        }

        if (request.ContentLength > FormLimits.MaxBodyBytes)
        {
            return (null, FormPages.Notice(NoticeKind.TooLarge, language));
        }

        // Set before the first read, so that the server enforces it on chunked bodies too. The server's own
        // default is sized for its other routes; a form may be larger, and no larger than this.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = FormLimits.MaxBodyBytes;
        }

        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, Options));
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (InvalidDataException)
        {
            // Reading a URL-encoded form fails this way only on a limit: too many fields, or a name longer than any page has.
            return (null, FormPages.Notice(NoticeKind.TooLarge, language));
        }
        catch (BadHttpRequestException e)
        {
            return (null, FormPages.Notice(e.StatusCode == StatusCodes.Status413PayloadTooLarge ? NoticeKind.TooLarge : NoticeKind.BadRequest, language));
        }
        catch (IOException)
        {
            return (null, FormPages.Notice(NoticeKind.BadRequest, language));
        }
    }
}
