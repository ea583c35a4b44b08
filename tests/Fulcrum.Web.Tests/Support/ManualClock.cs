namespace Fulcrum.Web.Tests.Support;

/// <summary>A clock the test moves by hand (session lifetimes, lockouts, signature windows) instead of waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
