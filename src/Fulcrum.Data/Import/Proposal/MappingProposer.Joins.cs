using System.Globalization;
using System.Text;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    sealed partial class Builder
    {
        /// <summary>The <c>join:</c> section for the joined columns the proposal reads (empty when it reads none), each join commented with its evidence.</summary>
        string Joins()
        {
            var needed = joined.Needed(_joined);
            if (needed.Count == 0) return "";
            var yaml = new StringBuilder();
            var looked = joined.Siblings.Files.Count;
            yaml.Append(CultureInfo.InvariantCulture,
                $"# Joined from the files beside this one ({looked:N0} looked at) for {string.Join(", ", _joined.Select(c => c.Name).Distinct(StringComparer.Ordinal))}.\n");
            yaml.Append("# Each key is unique in its file's sample; the import checks it over the whole file.\n");
            if (joined.Siblings.LeftOut > 0)
                yaml.Append(CultureInfo.InvariantCulture, $"# {joined.Siblings.LeftOut:N0} more files in the folder were not looked at (at most {SiblingFiles.MaxFiles} are).\n");
            yaml.Append("join:\n");
            foreach (var join in needed)
            {
                var via = join.Via is null ? "" : $", through {join.Via.File}";
                yaml.Append(CultureInfo.InvariantCulture, $"  - file: {Quote(join.File)}\n");
                yaml.Append(CultureInfo.InvariantCulture,
                    $"    on: {Quote(join.On)}   # {join.Found:N0} of {join.Keys:N0} sampled {join.On} values found there{via}\n");
            }
            return yaml.ToString();
        }
    }
}
