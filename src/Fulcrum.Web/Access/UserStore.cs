using System.Security.Cryptography;
using System.Text;
using Fulcrum.Data.Store;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Identity;

namespace Fulcrum.Web.Access;

public sealed record WebUser(string Username, string Role, DateTime CreatedAt, DateTime? DisabledAt);

/// <summary>What a session cookie is checked against on every request: a changed stamp or role, or a disabled user, ends it.</summary>
public sealed record SessionState(string Username, string Role, string Stamp, bool Disabled);

public sealed record ApiKeyInfo(string KeyId, string Name, string Role, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A new API key: the key itself is returned once and only its SHA-256 is kept.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>
/// Users (passwords hashed with ASP.NET Core Identity's PBKDF2 <see cref="PasswordHasher{TUser}"/>) and API keys
/// (kept as SHA-256 of 256-bit random keys). Reads use the pool; writes go through the single writer.
/// </summary>
public sealed class UserStore(StorePool pool, StoreWriter writer)
{
    static readonly PasswordHasher<string> Hasher = new();
    // Verified keys are remembered by hash so a key check does not query the store on every request; any key change clears it.
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, ApiKeyInfo?> _keys = new();
    // Session states by user name, so the check on every cookie request costs no query. Exact, not a guess: every change
    // to users goes through this class (the store is held by this process alone) and clears it.
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, SessionState?> _sessions = new(StringComparer.Ordinal);

    public Task<long> CountUsersAsync() => pool.ReadAsync(s => s.Scalar<long>("SELECT COUNT(*) FROM users"));

    public Task<IReadOnlyList<WebUser>> ListUsersAsync() => pool.ReadAsync<IReadOnlyList<WebUser>>(s => s.Query<WebUser>(
        "SELECT username AS Username, role AS Role, created_at AS CreatedAt, disabled_at AS DisabledAt FROM users ORDER BY username").ToList());

    /// <returns>The user's role when the password matches an enabled user; null otherwise.</returns>
    public async Task<string?> VerifyPasswordAsync(string username, string password)
    {
        var row = await pool.ReadAsync(s => s.Query<(string Hash, string Role)>(
            "SELECT password_hash, role FROM users WHERE username = $username AND disabled_at IS NULL", new { username }).ToList());
        if (row.Count == 0)
        {
            // Same work for unknown users, so response time does not tell which names exist.
            Hasher.VerifyHashedPassword(username, DummyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(username, row[0].Hash, password) == PasswordVerificationResult.Failed ? null : row[0].Role;
    }

    static readonly string DummyHash = Hasher.HashPassword("nobody", "not a password");

    /// <returns>The user's current role, security stamp and state; null when there is no such user.</returns>
    public async Task<SessionState?> SessionAsync(string username)
    {
        if (_sessions.TryGetValue(username, out var known)) return known;
        var found = await pool.ReadAsync(s => s.Query<(string Username, string Role, string? Stamp, DateTime? DisabledAt)>(
            "SELECT username, role, security_stamp, disabled_at FROM users WHERE username = $username", new { username })
            .Select(u => new SessionState(u.Username, u.Role, u.Stamp ?? "", u.DisabledAt is not null)).FirstOrDefault());
        if (_sessions.Count > 10_000) _sessions.Clear();
        _sessions[username] = found;
        return found;
    }

    /// <summary>Ends every session of the user (sign-out, or an admin's doing): cookies carrying the old stamp are refused.</summary>
    public Task RevokeSessionsAsync(string username) => writer.RunAsync(s =>
    {
        NewStamp(s, username);
        return 0;
    }, changesData: false);

    void NewStamp(FulcrumStore s, string username)
    {
        s.Execute("UPDATE users SET security_stamp = $stamp WHERE username = $username",
            new { username, stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) });
        _sessions.Clear();
    }

    public Task CreateUserAsync(string username, string password, string role) => writer.RunAsync(s =>
    {
        CheckRole(role);
        if (string.IsNullOrWhiteSpace(username) || username.Length > 64) throw new AccessException("username", "A user name of 1 to 64 characters is required.");
        if (password.Length < 10) throw new AccessException("password", "The password must have at least 10 characters.");
        if (username.Any(char.IsControl)) throw new AccessException("username", "A user name may not contain control characters.");
        // Names differing only in case would look like one person in logs and lists (admin and ADMIN).
        if (s.Query<string>("SELECT username FROM users WHERE LOWER(username) = LOWER($username)", new { username }).FirstOrDefault() is { } taken)
            throw new AccessException("username", $"A user named '{taken}' already exists (names are compared without regard to case).");
        s.Execute("INSERT INTO users (username, password_hash, role, created_at, security_stamp) VALUES ($username, $hash, $role, $now, $stamp)",
            new { username, hash = Hasher.HashPassword(username, password), role, now = DateTime.UtcNow, stamp = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) });
        _sessions.Clear();
        return 0;
    }, changesData: false);

    /// <summary>Changes role, password or enabled state; returns false when there is no such user.</summary>
    public Task<bool> UpdateUserAsync(string username, string? role, string? password, bool? disabled) => writer.RunAsync(s =>
    {
        if (s.Scalar<long>("SELECT COUNT(*) FROM users WHERE username = $username", new { username }) == 0) return false;
        if (role is not null)
        {
            CheckRole(role);
            if (role != Roles.Admin) EnsureAnotherAdmin(s, username);
            s.Execute("UPDATE users SET role = $role WHERE username = $username", new { username, role });
        }
        if (password is not null)
        {
            if (password.Length < 10) throw new AccessException("password", "The password must have at least 10 characters.");
            s.Execute("UPDATE users SET password_hash = $hash WHERE username = $username", new { username, hash = Hasher.HashPassword(username, password) });
        }
        if (disabled is { } off)
        {
            if (off) EnsureAnotherAdmin(s, username);
            s.Execute("UPDATE users SET disabled_at = $at WHERE username = $username", new { username, at = off ? DateTime.UtcNow : (DateTime?)null });
        }
        // A new role, password or state ends the user's sessions: they sign in again under the new terms.
        if (role is not null || password is not null || disabled is not null) NewStamp(s, username);
        return true;
    }, changesData: false);

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync() => pool.ReadAsync<IReadOnlyList<ApiKeyInfo>>(s => s.Query<ApiKeyInfo>(
        "SELECT key_id AS KeyId, name AS Name, role AS Role, created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys ORDER BY created_at").ToList());

    public Task<CreatedApiKey> CreateKeyAsync(string name, string role, string createdBy) => writer.RunAsync(s =>
    {
        CheckRole(role);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) throw new AccessException("name", "A key name of 1 to 100 characters is required.");
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"fk_{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var info = new ApiKeyInfo(keyId, name, role, createdBy, DateTime.UtcNow, null);
        s.Execute("INSERT INTO api_keys (key_id, name, key_hash, role, created_by, created_at) VALUES ($keyId, $name, $hash, $role, $createdBy, $createdAt)",
            new { keyId, name, hash = Hash(key), role, createdBy, createdAt = info.CreatedAt });
        _keys.Clear();
        return new CreatedApiKey(info, key);
    }, changesData: false);

    public Task<bool> RevokeKeyAsync(string keyId) => writer.RunAsync(s =>
    {
        var changed = s.Execute("UPDATE api_keys SET revoked_at = $now WHERE key_id = $keyId AND revoked_at IS NULL", new { keyId, now = DateTime.UtcNow }) > 0;
        _keys.Clear();
        return changed;
    }, changesData: false);

    /// <returns>The key's record when it is known and not revoked.</returns>
    public async Task<ApiKeyInfo?> FindKeyAsync(string key)
    {
        var hash = Hash(key);
        if (_keys.TryGetValue(hash, out var known)) return known;
        var found = await pool.ReadAsync(s => s.Query<ApiKeyInfo>(
            "SELECT key_id AS KeyId, name AS Name, role AS Role, created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys WHERE key_hash = $hash AND revoked_at IS NULL",
            new { hash }).FirstOrDefault());
        if (_keys.Count > 10_000) _keys.Clear();
        _keys[hash] = found;
        return found;
    }

    static void EnsureAnotherAdmin(FulcrumStore s, string username)
    {
        var others = s.Scalar<long>("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND username <> $username", new { username });
        var isAdmin = s.Scalar<long>("SELECT COUNT(*) FROM users WHERE role = 'admin' AND username = $username", new { username }) > 0;
        if (isAdmin && others == 0) throw new AccessException("role", "This is the last enabled admin; make another admin first.");
    }

    static void CheckRole(string role)
    {
        if (!Roles.IsUserRole(role)) throw new AccessException("role", $"Role must be one of: {string.Join(", ", Roles.UserRoles)}.");
    }

    static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A refused change to users or keys, naming the field at fault.</summary>
public sealed class AccessException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
