using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>
/// A small store of short, made-up comments (30 per class) whose labels are partly ones the lexicon cannot know ("the gate
/// agent rebooked me in minutes" is praise, "sat on the tarmac for three hours" a complaint), with an NPS answer each.
/// </summary>
internal static class LabelledComments
{
    static readonly string[] Things = ["flight", "crew", "seat", "app", "lounge", "check-in", "food", "wifi", "gate", "baggage desk"];

    static readonly string[] NegativeTemplates = ["sat on the tarmac for three hours, the {0} never told us anything", "{0} cancelled again and no rebooking", "lost two days because of the {0}"];
    static readonly string[] NeutralTemplates = ["what time does the {0} open tomorrow", "is there a {0} on the morning route", "where do I find the {0} in terminal B"];
    static readonly string[] PositiveTemplates = ["the {0} agent rebooked me in minutes", "upgraded at the {0} without asking, thank you", "{0} staff went out of their way for my kids"];

    /// <summary>(text, label, nps) for every made-up comment, classes interleaved.</summary>
    public static IReadOnlyList<(string Text, string Label, int Nps)> All()
    {
        var list = new List<(string, string, int)>();
        for (var t = 0; t < Things.Length; t++)
            for (var k = 0; k < 3; k++)
            {
                list.Add((string.Format(NegativeTemplates[k], Things[t]), "negative", 2 + (t + k) % 4));
                list.Add((string.Format(NeutralTemplates[k], Things[t]), "neutral", 7 + (t + k) % 2));
                list.Add((string.Format(PositiveTemplates[k], Things[t]), "positive", 9 + (t + k) % 2));
            }
        return list;
    }

    /// <summary>Writes the comments as responses; the label goes to the response attribute <paramref name="attribute"/> (through <paramref name="label"/>, so tests can rewrite it).</summary>
    public static void Insert(FulcrumStore store, string attribute = "mood", Func<int, string, string?>? label = null,
        IReadOnlyList<(string Text, string Label, int Nps)>? comments = null)
    {
        comments ??= All();
        using var transaction = store.BeginTransaction();
        for (var i = 0; i < comments.Count; i++)
        {
            var value = label is null ? comments[i].Label : label(i, comments[i].Label);
            var attributes = value is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, string> { [attribute] = value });
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps, comment, attributes) VALUES ($id, $account, $at, $nps, $comment, CAST($attributes AS JSON))",
                new { id = $"R{i:D4}", account = $"A{i % 7}", at = new DateTime(2025, 1, 1).AddDays(i), nps = (short)comments[i].Nps, comment = comments[i].Text, attributes },
                transaction);
        }
        transaction.Commit();
    }
}
