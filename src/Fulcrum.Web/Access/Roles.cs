namespace Fulcrum.Web.Access;

/// <summary>Who may do what. Users and API keys have one of the three user roles; a correctly signed webhook gets <see cref="Intake"/> only.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    public const string Intake = "intake";

    public static readonly IReadOnlyList<string> UserRoles = [Viewer, Analyst, Admin];

    public static bool IsUserRole(string? role) => role is Viewer or Analyst or Admin;
}

/// <summary>Authorization policy names; every endpoint is behind one (the fallback is <see cref="Viewer"/>).</summary>
public static class Policies
{
    /// <summary>Read the dashboard and the API: viewer, analyst or admin.</summary>
    public const string Viewer = "viewer";
    /// <summary>Change data and assumptions, work the follow-up queue: analyst or admin.</summary>
    public const string Analyst = "analyst";
    /// <summary>Manage users, API keys and the intake secret.</summary>
    public const string Admin = "admin";
    /// <summary>Post survey responses: a request signed with the intake secret.</summary>
    public const string Intake = "intake";
}

/// <summary>Authentication scheme names.</summary>
public static class Schemes
{
    /// <summary>Picks one of the schemes below from the request's headers.</summary>
    public const string Default = "Fulcrum";
    public const string Cookie = "Cookies";
    public const string ApiKey = "ApiKey";
    public const string Signature = "Signature";
}
