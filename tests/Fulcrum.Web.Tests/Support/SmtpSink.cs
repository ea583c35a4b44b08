using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fulcrum.Web.Tests.Support;

/// <summary>
/// A minimal SMTP server on a loopback port, for the schedule tests: it keeps every message it receives (the raw DATA), or,
/// when <paramref name="refuse"/> is set, answers every connection with 554 and hangs up (a failing mail server).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    readonly bool _refuse;

    public SmtpSink(bool refuse = false)
    {
        _refuse = refuse;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public List<string> Messages { get; } = [];
    int _connections;
    public int Connections => Volatile.Read(ref _connections);

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            Interlocked.Increment(ref _connections);
            using (client) await ServeAsync(client.GetStream());
        }
    }

    async Task ServeAsync(NetworkStream stream)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        if (_refuse)
        {
            await writer.WriteLineAsync("554 5.3.2 test server refuses mail");
            return;
        }
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 sink"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d).Append("\r\n");
                    lock (Messages) Messages.Add(data.ToString());
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default: await writer.WriteLineAsync("250 ok"); break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
