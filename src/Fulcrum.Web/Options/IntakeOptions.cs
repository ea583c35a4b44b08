namespace Fulcrum.Web.Options;

/// <summary>Webhook intake of survey responses (configuration section <c>Fulcrum:Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Fulcrum:Intake";

    /// <summary>The shared HMAC secret. When empty, the store's generated secret is used (admins can read and rotate it).</summary>
    public string? Secret { get; set; }

    /// <summary>Largest batch accepted by <c>POST /api/intake/responses/batch</c>.</summary>
    public int MaxBatch { get; set; } = 1_000;

    /// <summary>Largest request body, bytes; checked before the body is read (413 beyond it).</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How far a signed post's X-Fulcrum-Timestamp may be from the server's clock; a signature is accepted once within it.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Token-bucket rate limit per client address: burst size and tokens added per second.</summary>
    public int RateLimitBurst { get; set; } = 5_000;
    public int RateLimitPerSecond { get; set; } = 5_000;

    /// <summary>Most queued writes the single writer folds into one transaction.</summary>
    public int WriterBatch { get; set; } = 500;

    /// <summary>How long the writer waits for more queued posts before committing a batch (adds at most this to a post's latency).</summary>
    public double WriterLingerMilliseconds { get; set; } = 5;
}
