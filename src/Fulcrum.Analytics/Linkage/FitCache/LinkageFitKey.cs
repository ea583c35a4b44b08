using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Fulcrum.Analytics.Linkage.FitCache;

/// <summary>
/// What identifies a linkage fit: a SHA-256 of everything the models are fitted on (the renewal and service rows with
/// their accounts and cells, the model designs, the themes' renewals) and the options that change the fit (resamples,
/// seed, folds). Hashing the inputs rather than trusting a version counter alone means an assumption edit (which bumps
/// the data version but changes no input) still finds the fit, while new theme assignments (which do not bump it) miss.
/// </summary>
internal sealed record LinkageFitKey(string InputsHash, string Options)
{
    /// <summary>
    /// Raised when the fitting itself changes what a stored fit would hold, so fits made by older code miss. 2: terms
    /// without data are held at zero instead of failing every refit (0 usable resamples on small stores).
    /// </summary>
    const int MethodRevision = 2;

    /// <summary>The table key: inputs and options together.</summary>
    public string Value => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(InputsHash + "|" + Options)));

    public static LinkageFitKey Of(LinkageDataset d, LinkageModels models, LinkageOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string s) { var bytes = Encoding.UTF8.GetBytes(s); Ints([bytes.Length]); hash.AppendData(bytes); }
        void Ints(ReadOnlySpan<int> values) { hash.AppendData(MemoryMarshal.AsBytes([values.Length])); hash.AppendData(MemoryMarshal.AsBytes(values)); }
        void Doubles(ReadOnlySpan<double> values) { Ints([values.Length]); hash.AppendData(MemoryMarshal.AsBytes(values)); }
        void Flags(bool[] values) { Ints([values.Length]); foreach (var v in values) hash.AppendData(v ? [1] : [0]); }
        void Matrix(double[,] m) { Ints([m.GetLength(0), m.GetLength(1)]); Doubles(MemoryMarshal.CreateReadOnlySpan(ref m[0, 0], m.Length)); }

        Ints([d.Accounts, d.ChurnTrainingCells, d.CostTrainingCells]);
        foreach (var name in d.ChurnSpace.Names.Concat(["|"]).Concat(d.CostSpace.Names)) Text(name);
        if (models.ChurnDesign.Length > 0) Matrix(models.ChurnDesign);
        if (models.CostDesign.Length > 0) Matrix(models.CostDesign);
        Ints(d.EventAccount); Ints(d.EventCell); Flags(d.Churned); Flags(d.Expanded); Doubles(d.ArrBefore); Doubles(d.ExpansionAmount);
        Ints(d.ServiceAccount); Ints(d.ServiceCell); Ints(d.ServiceNpsLevel); Doubles(d.Tickets); Doubles(d.HandleMinutes); Doubles(d.Quarters);
        foreach (var theme in d.Themes) { Text(theme.ThemeId); Ints(theme.Events); }
        var soft = string.Join(",", d.Soft.Select(s => s.ToString()).Order(StringComparer.Ordinal));
        // The CSAT scale names the factor's levels and the lever's points: a fit on another scale is not this one's, even
        // where the rows happen to fall in the same cells.
        var csat = d.Soft.Contains(SoftMetric.Csat) ? $";csat={d.Csat.Key}" : "";
        return new LinkageFitKey(Convert.ToHexString(hash.GetHashAndReset()),
            string.Create(CultureInfo.InvariantCulture, $"method={MethodRevision};soft={soft}{csat};resamples={options.Resamples};seed={options.Seed};folds={options.Folds}"));
    }
}
