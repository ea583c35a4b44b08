namespace Fulcrum.Data.Import.Proposal;

/// <summary>A join `fulcrum map` found: a file beside the main one whose key column, unique there, matches a column of the main file or of an earlier join.</summary>
/// <param name="File">The joined file's name (a mapping names joined files relative to the main file's folder).</param>
/// <param name="On">The key column, by the same name in both files.</param>
/// <param name="Via">The join that brought the key column, or null when the main file has it.</param>
/// <param name="Keys">Distinct key values in the main file's sample (as seen through <paramref name="Via"/>).</param>
/// <param name="Found">Of those, how many the joined file holds (each exactly once).</param>
public sealed record ProposedJoin(string File, string On, ProposedJoin? Via, int Keys, int Found)
{
    /// <summary>1 for a join on the main file's own column, 2 for one on a column an earlier join brought, ...</summary>
    public int Depth => Via is null ? 1 : Via.Depth + 1;
}
