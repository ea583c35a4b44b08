namespace Fulcrum.Web.Tests.Support;

/// <summary>
/// Test clients wait as long as the app takes. HttpClient's default of 100 s is a wall-clock limit: on a loaded 2-core
/// machine a first figure (theme discovery, a business case) can take longer with nothing wrong, and the test would fail
/// for the machine's speed rather than for the app. A request that never ends hangs the test, which the run reports.
/// </summary>
public static class NoTimeLimit
{
    public static HttpClient WithoutTimeLimit(this HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }
}
