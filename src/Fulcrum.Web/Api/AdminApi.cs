using System.Security.Claims;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

public sealed record NewUser(string Username, string Password, string Role);
public sealed record UserChange(string? Role, string? Password, bool? Disabled);
public sealed record NewApiKey(string Name, string Role);
public sealed record IntakeSecretInfo(string Secret, bool FromConfiguration, string Header, string Example);

/// <summary>Users, API keys and the intake secret: admins only.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        api.MapGet("/users", ListUsers).WithName("GetUsers").WithSummary("Every user with role and state (never a password).");
        api.MapPost("/users", CreateUser).WithName("CreateUser").WithSummary("Adds a user (password of 10+ characters, stored as a PBKDF2 hash).");
        api.MapPatch("/users/{username}", UpdateUser).WithName("UpdateUser").WithSummary("Changes a user's role, password or enabled state.");
        api.MapGet("/keys", ListKeys).WithName("GetApiKeys").WithSummary("API keys (names, roles, state; never the key).");
        api.MapPost("/keys", CreateKey).WithName("CreateApiKey").WithSummary("Creates an API key; the key is in this response only.");
        api.MapDelete("/keys/{keyId}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revokes an API key at once.");
        api.MapGet("/intake-secret", GetSecret).WithName("GetIntakeSecret").WithSummary("The HMAC secret webhook senders sign with.");
        api.MapPost("/intake-secret/rotate", RotateSecret).WithName("RotateIntakeSecret").WithSummary("Replaces the intake secret with a new random one.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<WebUser>>> ListUsers(UserStore users) => TypedResults.Ok(await users.ListUsersAsync());

    public static async Task<Created<WebUser>> CreateUser(UserStore users, NewUser body)
    {
        await users.CreateUserAsync(body.Username?.Trim() ?? "", body.Password ?? "", body.Role?.Trim().ToLowerInvariant() ?? "");
        var created = (await users.ListUsersAsync()).Single(u => u.Username == body.Username!.Trim());
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(created.Username)}", created);
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> UpdateUser(UserStore users, string username, UserChange body) =>
        await users.UpdateUserAsync(username, body.Role?.Trim().ToLowerInvariant(), body.Password, body.Disabled)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown user", Detail = $"No user named '{username}'." });

    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListKeys(UserStore users) => TypedResults.Ok(await users.ListKeysAsync());

    public static async Task<Created<CreatedApiKey>> CreateKey(UserStore users, NewApiKey body, ClaimsPrincipal user)
    {
        var created = await users.CreateKeyAsync(body.Name?.Trim() ?? "", body.Role?.Trim().ToLowerInvariant() ?? "", user.Identity?.Name ?? "?");
        return TypedResults.Created($"/api/admin/keys/{created.Info.KeyId}", created);
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> RevokeKey(UserStore users, string keyId) =>
        await users.RevokeKeyAsync(keyId)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown key", Detail = $"No active API key '{keyId}'." });

    public static async Task<Ok<IntakeSecretInfo>> GetSecret(IntakeSecret secret) => TypedResults.Ok(Describe(await secret.GetAsync(), secret.FromConfiguration));

    public static async Task<Ok<IntakeSecretInfo>> RotateSecret(IntakeSecret secret) => TypedResults.Ok(Describe(await secret.RotateAsync(), false));

    static IntakeSecretInfo Describe(string secret, bool fromConfiguration) => new(secret, fromConfiguration, SignatureAuthenticationHandler.Header,
        "ts=$(date +%s); sig=$(printf '%s.%s' \"$ts\" \"$body\" | openssl dgst -sha256 -hmac \"$SECRET\" -hex | sed 's/^.* //'); " +
        "curl -H \"X-Fulcrum-Timestamp: $ts\" -H \"X-Fulcrum-Signature: sha256=$sig\" -H 'Content-Type: application/json' --data \"$body\" http://HOST/api/intake/responses");
}
