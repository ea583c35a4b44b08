using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages.Admin;

/// <summary>Users, API keys and the intake secret (the same operations as /api/admin); admins only (folder policy).</summary>
public sealed class AdminModel(UserStore users, IntakeSecret secret) : PageModel
{
    public IReadOnlyList<WebUser> Users { get; private set; } = [];
    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];
    public string Secret { get; private set; } = "";
    public bool SecretFromConfiguration => secret.FromConfiguration;
    public string? NewKey { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync() => await Load();

    public Task<IActionResult> OnPostCreateUserAsync(string username, string password, string role) =>
        Change(async () => { await users.CreateUserAsync(username?.Trim() ?? "", password ?? "", role); return $"User {username} added."; });

    public Task<IActionResult> OnPostUpdateAsync(string username, string role, bool disabled) =>
        Change(async () => await users.UpdateUserAsync(username, role, null, disabled) ? $"User {username} saved." : throw new AccessException("username", "No such user."));

    public Task<IActionResult> OnPostCreateKeyAsync(string name, string role) =>
        Change(async () => { NewKey = (await users.CreateKeyAsync(name?.Trim() ?? "", role, User.Identity?.Name ?? "?")).Key; return $"Key {name} created."; });

    public Task<IActionResult> OnPostRevokeAsync(string keyId) =>
        Change(async () => await users.RevokeKeyAsync(keyId) ? $"Key {keyId} revoked." : throw new AccessException("keyId", "No such active key."));

    public Task<IActionResult> OnPostRotateAsync() =>
        Change(async () => { await secret.RotateAsync(); return "The intake secret was replaced; senders must use the new one."; });

    async Task<IActionResult> Change(Func<Task<string>> change)
    {
        try { Message = await change(); }
        catch (AccessException e) { (Message, Failed) = (ServerPaths.Hide(e.Message), true); }
        await Load();
        return Page();
    }

    async Task Load()
    {
        Users = await users.ListUsersAsync();
        Keys = await users.ListKeysAsync();
        Secret = await secret.GetAsync();
    }
}
