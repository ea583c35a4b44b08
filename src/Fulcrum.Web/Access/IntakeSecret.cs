using System.Security.Cryptography;
using Fulcrum.Web.Options;
using Fulcrum.Web.Store;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Access;

/// <summary>
/// The shared secret that signs webhook posts (HMAC-SHA256 over the raw body). From configuration when set, otherwise
/// generated once and kept in the store's <c>intake_secrets</c> table. Never logged.
/// </summary>
public sealed class IntakeSecret(StorePool pool, StoreWriter writer, IOptions<IntakeOptions> options)
{
    const string Name = "responses";
    volatile byte[]? _key;

    /// <summary>True when the secret comes from configuration (it cannot be rotated from the app).</summary>
    public bool FromConfiguration => !string.IsNullOrEmpty(options.Value.Secret);

    public async Task<string> GetAsync()
    {
        if (FromConfiguration) return options.Value.Secret!;
        var stored = await pool.ReadAsync(s => s.Query<string>("SELECT secret FROM intake_secrets WHERE name = $name", new { name = Name }).FirstOrDefault());
        return stored ?? await RotateAsync(onlyIfMissing: true);
    }

    public async Task<byte[]> KeyAsync() => _key ??= System.Text.Encoding.UTF8.GetBytes(await GetAsync());

    /// <summary>Replaces the stored secret with a new random one (senders must switch to it).</summary>
    public async Task<string> RotateAsync(bool onlyIfMissing = false)
    {
        if (FromConfiguration) throw new AccessException("secret", "The intake secret is set in configuration (Fulcrum:Intake:Secret); change it there.");
        var secret = await writer.RunAsync(s =>
        {
            var existing = s.Query<string>("SELECT secret FROM intake_secrets WHERE name = $name", new { name = Name }).FirstOrDefault();
            if (onlyIfMissing && existing is not null) return existing;
            var fresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            s.Execute("INSERT INTO intake_secrets (name, secret, created_at) VALUES ($name, $fresh, $now) ON CONFLICT (name) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at",
                new { name = Name, fresh, now = DateTime.UtcNow });
            return fresh;
        }, changesData: false);
        _key = System.Text.Encoding.UTF8.GetBytes(secret);
        return secret;
    }
}
