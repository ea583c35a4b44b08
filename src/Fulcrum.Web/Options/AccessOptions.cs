namespace Fulcrum.Web.Options;

/// <summary>Login and API keys (configuration section <c>Fulcrum:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "Fulcrum:Access";

    /// <summary>User name of the admin created on first start (when the store has no user).</summary>
    public string FirstAdmin { get; set; } = "admin";

    /// <summary>Password of that admin; empty = generate one and show it once.</summary>
    public string? FirstAdminPassword { get; set; }

    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Header that carries an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
