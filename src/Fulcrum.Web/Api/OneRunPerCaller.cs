using System.Collections.Concurrent;

namespace Fulcrum.Web.Api;

/// <summary>
/// Lets each caller have one costly computation of a kind under way at a time (429 for another meanwhile): each takes
/// seconds in the slow lane, so a queue of one user's requests would hold it for everyone.
/// </summary>
public sealed class OneRunPerCaller(string what)
{
    readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(HttpContext context, Func<Task<T>> run)
    {
        var caller = context.User.Identity?.Name ?? "?";
        if (!_running.TryAdd(caller, 0)) throw new TooManyRequestsException($"A {what} of yours is still running; wait for it before asking for another.");
        try { return await run(); }
        finally { _running.TryRemove(caller, out _); }
    }
}
