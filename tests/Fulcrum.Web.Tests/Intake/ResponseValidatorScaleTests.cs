using System.Text.Json;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Web.Intake;

namespace Fulcrum.Web.Tests.Intake;

/// <summary>A posted answer is checked on the store's CSAT/CES scales (StoreScoreScales), as an imported one.</summary>
public sealed class ResponseValidatorScaleTests
{
    static (ValidResponse? Response, Dictionary<string, List<string>> Errors) Validate(string json, IReadOnlyDictionary<string, Scale> scales)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new Dictionary<string, List<string>>();
        return (ResponseValidator.Validate(document.RootElement, "", errors, ResponseValidator.Rules(scales)), errors);
    }

    const string Answer = """{"response_id": "R1", "account_id": "A1", "responded_at": "2025-11-20T10:00:00Z", "csat": SCORE}""";

    [Fact]
    public void CSAT_on_a_declared_1_to_10_accepts_8_and_refuses_11_naming_the_scale()
    {
        var scales = new Dictionary<string, Scale> { ["csat"] = new(1, 10), ["ces"] = new(1, 7) };

        Assert.NotNull(Validate(Answer.Replace("SCORE", "8"), scales).Response);
        var (refused, errors) = Validate(Answer.Replace("SCORE", "11"), scales);
        Assert.Null(refused);
        Assert.Equal(["out of range: csat must be between 1 and 10 (the csat scale declared for this store)"], errors["csat"]);
    }

    [Fact]
    public void On_the_default_scale_CSAT_6_is_refused_without_the_importer_s_mapping_hint()
    {
        var (refused, errors) = Validate(Answer.Replace("SCORE", "6"), new Dictionary<string, Scale>());
        Assert.Null(refused);
        Assert.Equal(["out of range: csat must be between 1 and 5"], errors["csat"]);
    }
}
