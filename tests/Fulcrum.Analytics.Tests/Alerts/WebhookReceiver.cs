using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fulcrum.Analytics.Tests.Alerts;

/// <summary>
/// A local webhook endpoint for tests: an <see cref="HttpListener"/> on 127.0.0.1 and a free port that records every request
/// and answers with the scripted status codes (the last one repeats), optionally after a delay (an infinite one: never,
/// until disposed). Requests are served concurrently, so a delayed answer does not hold up the next request. Disposing stops it.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Queue<(int Status, TimeSpan Delay)> _script;
    readonly (int Status, TimeSpan Delay) _last;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public sealed record Request(string Method, string Path, string Body, string? Signature, string? ContentType);

    public WebhookReceiver(IReadOnlyList<(int Status, TimeSpan Delay)> script)
    {
        _script = new Queue<(int, TimeSpan)>(script.Count == 0 ? [(200, TimeSpan.Zero)] : script);
        _last = script.Count == 0 ? (200, TimeSpan.Zero) : script[^1];
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/fulcrum");
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Answers with these status codes in turn (the last one repeats); 200 when none are given.</summary>
    public WebhookReceiver(params int[] statuses) : this(statuses.Select(s => (s, TimeSpan.Zero)).ToArray()) { }

    public Uri Url { get; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        (int Status, TimeSpan Delay) answer;
        lock (_script) answer = _script.Count > 0 ? _script.Dequeue() : _last;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body,
                context.Request.Headers["X-Fulcrum-Signature"], context.Request.ContentType));
            if (answer.Delay != TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
            context.Response.StatusCode = answer.Status;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (timeout) or the receiver is stopping.
        }
    }

    static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
