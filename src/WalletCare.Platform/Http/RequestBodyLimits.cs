using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using WalletCare.Platform.Errors;

namespace WalletCare.Platform.Http;

/// <summary>
/// A body limit that fits the endpoint (issue #16: a customer stored 20 MB in one cancel reason): JSON APIs take
/// 64 KB unless the endpoint declares its own (<c>RequestSizeLimit</c> metadata, e.g. evidence uploads); pages take
/// <see cref="PageLimit"/> so the filing form can still carry evidence. A declared Content-Length over the limit is
/// a 413 <c>PAYLOAD_TOO_LARGE</c> before anything reads it; a chunked body is cut off at the limit as it streams,
/// both by the server's own feature where it has one and by a counting stream where it does not (test host).
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next)
{
    public const long ApiLimit = 64 * 1024;
    public const long PageLimit = 12 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = declared ?? (http.Request.Path.StartsWithSegments("/api") ? ApiLimit : PageLimit);
        if (http.Request.ContentLength > limit)
        {
            await http.WriteProblemAsync(new AppProblem(ErrorCodes.PayloadTooLarge));
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (http.Request.ContentLength is null && !HttpMethods.IsGet(http.Request.Method))
            http.Request.Body = new LimitedStream(http.Request.Body, limit);
        await next(http);
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new BadHttpRequestException("Request body too large", StatusCodes.Status413PayloadTooLarge);
            return n;
        }
    }
}
