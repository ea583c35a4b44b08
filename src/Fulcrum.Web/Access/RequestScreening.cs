using Fulcrum.Web.Api;
using Fulcrum.Web.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Refuses requests before anything reads them: a body larger than the route's limit gets 413 at once when its length
/// is declared, and as soon as the limit is passed when it is streamed (the body is never buffered or hashed beyond it);
/// a query string with control characters (a NUL, say) gets 400. Runs before authentication, so anonymous callers cannot
/// make the server read large bodies either.
/// </summary>
public sealed class RequestScreening(RequestDelegate next, IOptions<LimitsOptions> limits, IOptions<IntakeOptions> intake)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        foreach (var (name, values) in request.Query)
        {
            if (name.Any(char.IsControl) || values.Any(v => v is not null && v.Any(char.IsControl)))
            {
                await Problems.WriteAsync(context, 400, "Invalid request", $"The query parameter '{Printable(name)}' contains a control character.");
                return;
            }
        }
        var limit = LimitFor(request);
        if (request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, 413, "Request too large", $"The body has {request.ContentLength:N0} bytes; this endpoint takes at most {limit:N0}.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        request.Body = new LimitedBodyStream(request.Body, limit);
        await next(context);
    }

    long LimitFor(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/intake") ? intake.Value.MaxBodyBytes
        : request.Path.StartsWithSegments("/api/imports") || request.Path.StartsWithSegments("/data") ? limits.Value.MaxUploadBytes
        : limits.Value.MaxRequestBytes;

    static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}

/// <summary>A request body that fails with 413 once more than its limit was read (for bodies without a declared length).</summary>
sealed class LimitedBodyStream(Stream inner, long limit) : Stream
{
    long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    int Count(int read)
    {
        _read += read;
        if (_read > limit) throw new BadHttpRequestException($"The body is larger than {limit:N0} bytes, the most this endpoint takes.", StatusCodes.Status413PayloadTooLarge);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
