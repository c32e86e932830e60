using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>Requests as a host hands them to the handlers.</summary>
internal static class Requests
{
    public static HttpRequest Json(string body, string query = "") =>
        Create("POST", "application/json", Encoding.UTF8.GetBytes(body), query);

    public static HttpRequest Get(string query = "") => Create("GET", null, [], query);

    public static HttpRequest Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return Create("POST", "application/x-www-form-urlencoded", content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), "");
    }

    /// <summary>
    /// A POST as Kestrel hands it over: a <paramref name="chunked"/> body has no Content-Length, and reading more
    /// than the request's <see cref="IHttpMaxRequestBodySizeFeature"/> allows (<paramref name="serverLimit"/>
    /// unless the handler changes it before reading) fails with a 413, as Kestrel's does.
    /// </summary>
    public static HttpRequest Served(string contentType, byte[] body, bool chunked, long serverLimit)
    {
        var request = Create("POST", contentType, body, "");
        var served = new ServedBody(body, serverLimit);
        request.Body = served;
        request.ContentLength = chunked ? null : body.Length;
        request.HttpContext.Features.Set<IHttpMaxRequestBodySizeFeature>(served);
        return request;
    }

    private static HttpRequest Create(string method, string? contentType, byte[] body, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    private sealed class ServedBody(byte[] body, long serverLimit) : Stream, IHttpMaxRequestBodySizeFeature
    {
        private readonly MemoryStream _inner = new(body, writable: false);
        private long _read;

        public bool IsReadOnly => _read > 0;

        public long? MaxRequestBodySize { get; set; } = serverLimit;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            _read += read;
            if (_read > MaxRequestBodySize)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
