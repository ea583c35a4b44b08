using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Store;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

/// <summary>
/// Bad input found deep in an analysis (an unknown dimension, periods that overlap, a bad mapping) becomes a 400 problem
/// naming what is wrong; anything else is a 500 without internals.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, field) = exception switch
        {
            ArgumentException a => (400, "Invalid request", a.ParamName),
            AccessException a => (400, "Invalid request", a.Field),
            ImportException or MappingException or SourceFormatException => (400, "Invalid import", null),
            Fulcrum.Analytics.Value.ClosedLoop.FollowupException => (400, "Invalid follow-up change", null),
            Fulcrum.Analytics.Value.Initiatives.InitiativeException => (400, "Invalid initiative", null),
            StoreException => (400, "Invalid request", null),
            _ => (500, "Unexpected error", null),
        };
        if (status == 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        var details = status == 500
            ? new ProblemDetails { Status = 500, Title = title, Detail = "The server failed; see its log." }
            : field is null
                ? new ProblemDetails { Status = status, Title = title, Detail = Message(exception) }
                : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Message(exception)] }) { Status = status, Title = title, Detail = Message(exception) };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    // ArgumentException appends " (Parameter 'x')" to its message; the field already says which.
    static string Message(Exception e) => e is ArgumentException a && a.ParamName is { } p
        ? a.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal).Split(Environment.NewLine)[0]
        : e.Message;
}
