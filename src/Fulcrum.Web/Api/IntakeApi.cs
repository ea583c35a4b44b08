using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Intake;
using Fulcrum.Web.Options;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Api;

public sealed record IntakeItemResult(string ResponseId, string Outcome);
public sealed record IntakeResult(int Received, int Inserted, int Updated, IReadOnlyList<IntakeItemResult> Results);

/// <summary>
/// Webhook intake of survey responses, one or a batch. Authenticated by an HMAC-SHA256 signature of the raw body
/// (<see cref="SignatureAuthenticationHandler"/>), rate limited, validated with the importer's rules (errors per field),
/// idempotent by response_id, and answered only after the single writer committed the rows.
/// </summary>
public static class IntakeApi
{
    public const string RateLimitPolicy = "intake";

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake").WithTags("Intake")
            .RequireAuthorization(Policies.Intake)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery();
        api.MapPost("/responses", PostOne).WithName("PostResponse")
            .WithSummary("One survey response (JSON object with the fields of the responses table), signed with the intake secret.")
            .Accepts<JsonElement>("application/json");
        api.MapPost("/responses/batch", PostBatch).WithName("PostResponses")
            .WithSummary("A batch of survey responses (JSON array, or {\"responses\": [...]}); all are checked before any is written.")
            .Accepts<JsonElement>("application/json");
        return app;
    }

    public static async Task<Results<Ok<IntakeResult>, ValidationProblem>> PostOne(HttpRequest request, KnownAccounts accounts, StoreScoreScales scales,
        StoreWriter writer, CancellationToken cancellation)
    {
        var (document, problem) = Parse(request);
        if (problem is not null) return problem;
        using (document)
        {
            var errors = new Dictionary<string, List<string>>();
            var rules = ResponseValidator.Rules(await scales.GetAsync(cancellation));
            var response = ResponseValidator.Validate(document!.RootElement, "", errors, rules);
            return await Write(accounts, writer, response is null ? [] : [response], errors, cancellation);
        }
    }

    public static async Task<Results<Ok<IntakeResult>, ValidationProblem>> PostBatch(HttpRequest request, KnownAccounts accounts, StoreScoreScales scales,
        StoreWriter writer, IOptions<IntakeOptions> options, CancellationToken cancellation)
    {
        var (document, problem) = Parse(request);
        if (problem is not null) return problem;
        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("responses", out var inner)) root = inner;
            if (root.ValueKind != JsonValueKind.Array)
                return Invalid(new() { ["$"] = ["a batch must be a JSON array of responses or an object with a 'responses' array"] });
            var count = root.GetArrayLength();
            if (count == 0) return Invalid(new() { ["$"] = ["the batch is empty"] });
            if (count > options.Value.MaxBatch) return Invalid(new() { ["$"] = [$"a batch holds at most {options.Value.MaxBatch} responses, not {count}"] });
            var errors = new Dictionary<string, List<string>>();
            var valid = new List<ValidResponse>(count);
            var rules = ResponseValidator.Rules(await scales.GetAsync(cancellation));
            var i = 0;
            foreach (var element in root.EnumerateArray())
            {
                if (ResponseValidator.Validate(element, $"[{i}]", errors, rules) is { } response) valid.Add(response);
                i++;
            }
            return await Write(accounts, writer, valid, errors, cancellation);
        }
    }

    static async Task<Results<Ok<IntakeResult>, ValidationProblem>> Write(KnownAccounts accounts, StoreWriter writer, List<ValidResponse> responses,
        Dictionary<string, List<string>> errors, CancellationToken cancellation)
    {
        if (errors.Count == 0)
        {
            var missing = await accounts.MissingAsync(responses.Select(r => r.AccountId), cancellation);
            for (var i = 0; i < responses.Count; i++)
                if (missing.Contains(responses[i].AccountId))
                    ResponseValidator.Add(errors, responses.Count == 1 ? "account_id" : $"[{i}].account_id", $"no account '{responses[i].AccountId}' (import the account first)");
        }
        if (errors.Count > 0) return Invalid(errors);

        // Not cancelled with the request: once queued, the write completes, so a retry finds it (idempotent by response_id).
        var outcomes = await writer.EnqueueBatchedAsync(new ResponseUpsert(responses), CancellationToken.None);
        var results = responses.Select((r, i) => new IntakeItemResult(r.ResponseId, outcomes[i].ToString().ToLowerInvariant())).ToList();
        return TypedResults.Ok(new IntakeResult(results.Count, outcomes.Count(o => o == IntakeOutcome.Inserted), outcomes.Count(o => o == IntakeOutcome.Updated), results));
    }

    static (JsonDocument? Document, ValidationProblem? Problem) Parse(HttpRequest request)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Invalid(new() { ["Content-Type"] = ["send the body as application/json"] }));
        var body = SignatureAuthenticationHandler.SignedBody(request.HttpContext);
        // Checked on the bytes: decoding would turn invalid sequences into U+FFFD (or fail deep in the parser).
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return (null, Invalid(new() { ["$"] = [$"the body is not valid UTF-8 (first invalid byte at offset {FirstInvalidByte(body)}); send JSON encoded as UTF-8"] }));
        try
        {
            return (JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 }), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(new() { ["$"] = [$"malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {FirstSentence(e.Message)}"] }));
        }
    }

    static int FirstInvalidByte(byte[] body)
    {
        System.Text.Unicode.Utf8.ToUtf16(body, new char[body.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    static ValidationProblem Invalid(Dictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The survey response is invalid");
}
