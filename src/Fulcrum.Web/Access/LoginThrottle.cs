using System.Collections.Concurrent;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// Slows password guessing: after <see cref="AccessOptions.LoginFailuresBeforeLockout"/> wrong passwords in a row for a
/// user name, or <see cref="AccessOptions.LoginFailuresPerAddress"/> from one address, sign-in is refused without checking
/// the password until the lockout passes; each failure while locked doubles it (up to an hour). A success clears the name.
/// </summary>
public sealed class LoginThrottle(IOptions<AccessOptions> options, TimeProvider clock)
{
    sealed record Record(int Failures, DateTimeOffset LockedUntil);

    readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);
    static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    /// <returns>How long sign-in stays locked for this name or address; null when it may be tried.</returns>
    public TimeSpan? Locked(string username, string address)
    {
        var now = clock.GetUtcNow();
        var until = new[] { UserKey(username), AddressKey(address) }
            .Select(k => _records.TryGetValue(k, out var r) ? r.LockedUntil : DateTimeOffset.MinValue).Max();
        return until > now ? until - now : null;
    }

    public void Failed(string username, string address)
    {
        Count(UserKey(username), options.Value.LoginFailuresBeforeLockout);
        Count(AddressKey(address), options.Value.LoginFailuresPerAddress);
    }

    public void Succeeded(string username) => _records.TryRemove(UserKey(username), out _);

    void Count(string key, int allowed)
    {
        var now = clock.GetUtcNow();
        if (_records.Count > 100_000) _records.Clear();
        _records.AddOrUpdate(key, _ => Next(0, allowed, now), (_, r) => Next(r.Failures, allowed, now));
    }

    Record Next(int failures, int allowed, DateTimeOffset now)
    {
        var count = failures + 1;
        if (count < allowed) return new Record(count, DateTimeOffset.MinValue);
        var doublings = Math.Min(count - allowed, 12);
        var lockout = TimeSpan.FromTicks(Math.Min(options.Value.LoginLockout.Ticks << doublings, LongestLockout.Ticks));
        return new Record(count, now + lockout);
    }

    static string UserKey(string username) => "user:" + username.Trim().ToLowerInvariant();
    static string AddressKey(string address) => "address:" + address;
}
