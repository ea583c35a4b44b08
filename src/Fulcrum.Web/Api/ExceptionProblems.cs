using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Store;
using Fulcrum.Web.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fulcrum.Web.Api;

/// <summary>
/// The one mapping of client errors to 4xx: bad input found deep in an analysis (an unknown dimension, periods that
/// overlap, a bad mapping) or by the framework (a body over its limit, a malformed form, a missing antiforgery token)
/// becomes a problem naming what is wrong; anything else is a 500 without internals.
/// </summary>
public sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, field) = exception switch
        {
            // Client errors the framework raises: a body over its limit (413), a malformed form or body, a missing antiforgery token.
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "Request too large" : "Invalid request", null),
            InvalidDataException d when d.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase) => (413, "Request too large", null),
            InvalidDataException or System.Text.Json.JsonException or System.Text.DecoderFallbackException => (400, "Invalid request", null),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (400, "Invalid request", (string?)"antiforgery"),
            TooManyRequestsException => (429, "Too many requests", null),
            ArgumentException a => (400, "Invalid request", a.ParamName),
            AccessException a => (400, "Invalid request", a.Field),
            ImportException or MappingException or SourceFormatException => (400, "Invalid import", null),
            Fulcrum.Analytics.Value.ClosedLoop.FollowupException => (400, "Invalid follow-up change", null),
            Fulcrum.Analytics.Value.Initiatives.InitiativeException => (400, "Invalid initiative", null),
            StoreException => (400, "Invalid request", null),
            // The data cannot support what was asked (a driver without values, too few rows): the caller can change the question.
            Fulcrum.Analytics.Drivers.DriverAnalysisException or Fulcrum.Analytics.Linkage.LinkageException or Store.MetricNotOnRecordException => (422, "The analysis cannot run on this data", null),
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

    // ArgumentException appends " (Parameter 'x')" to its message; the field already says which. No server temporary path is shown.
    static string Message(Exception e) => ServerPaths.Hide(e switch
    {
        ArgumentException { ParamName: { } p } a => a.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal).Split(Environment.NewLine)[0],
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => "The form's antiforgery token is missing or invalid; reload the page and try again.",
        System.Text.DecoderFallbackException => "The request is not valid UTF-8.",
        _ => e.Message,
    });
}

/// <summary>A caller asked for more of a costly computation than it may have under way at once (429).</summary>
public sealed class TooManyRequestsException(string message) : Exception(message);
