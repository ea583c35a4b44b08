using System.IO.Compression;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage.FitCache;

/// <summary>
/// A stored fit as compact bytes: doubles written exactly (a fit read back values to the same figures as a fresh one),
/// Brotli-compressed. A payload of another format version, or one that does not match the live models' shapes, reads as
/// absent, so the caller refits rather than failing.
/// </summary>
internal static class LinkageFitCodec
{
    // 2: theme churn ratios against the churn model refitted without the theme's renewals, and their scales.
    // 3: theme churn ratios from the joint model of every theme (ThemeChurnModel).
    const int FormatVersion = 3;

    public static byte[] Encode(StoredLinkageFit fit)
    {
        using var buffer = new MemoryStream();
        using (var compressed = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(compressed))
        {
            w.Write(FormatVersion);
            w.Write(fit.Bootstrap.Failed);
            w.Write(fit.Bootstrap.Usable.Count);
            foreach (var r in fit.Bootstrap.Usable)
            {
                var b = r.Coefficients;
                foreach (var array in new[] { b.Churn, b.Expansion, b.Amount, b.Tickets, b.Minutes, b.ThemeChurnRatios, b.ThemeChurnScales }) Write(w, array);
                var t = r.Totals;
                w.Write(t.Renewals.Length);
                for (var i = 0; i < t.Renewals.Length; i++) { Write(w, t.Renewals[i]); Write(w, t.Churned[i]); }
                Write(w, t.NpsQuarters);
                Write(w, t.NpsTickets);
                Write(w, t.NpsMinutes);
            }
            w.Write(fit.Quality is not null);
            if (fit.Quality is { } q) Write(w, q);
        }
        return buffer.ToArray();
    }

    /// <returns>The fit, or null when the bytes are of another format version.</returns>
    public static StoredLinkageFit? Decode(byte[] payload)
    {
        using var r = new BinaryReader(new BrotliStream(new MemoryStream(payload), CompressionMode.Decompress));
        if (r.ReadInt32() != FormatVersion) return null;
        var failed = r.ReadInt32();
        var usable = new ReplicateFit[r.ReadInt32()];
        for (var i = 0; i < usable.Length; i++)
        {
            var coefficients = new LinkageCoefficients(ReadArray(r)!, ReadArray(r), ReadArray(r), ReadArray(r), ReadArray(r), ReadArray(r)!, ReadArray(r)!);
            var factors = r.ReadInt32();
            var (renewals, churned) = (new double[factors][], new double[factors][]);
            for (var f = 0; f < factors; f++) { renewals[f] = ReadArray(r)!; churned[f] = ReadArray(r)!; }
            usable[i] = new ReplicateFit(coefficients, new DescriptiveTotals(renewals, churned, ReadArray(r)!, ReadArray(r)!, ReadArray(r)!));
        }
        var quality = r.ReadBoolean() ? ReadQuality(r) : null;
        return new StoredLinkageFit(new BootstrapFits(usable, failed), quality);
    }

    /// <summary>True when every replicate has the live models' shapes (same coefficients, factors, levels and themes).</summary>
    public static bool Fits(StoredLinkageFit fit, LinkageCoefficients full, DescriptiveTotals fullTotals) =>
        fit.Bootstrap.Usable.All(r =>
            SameLength(r.Coefficients.Churn, full.Churn) && SameLength(r.Coefficients.Expansion, full.Expansion) && SameLength(r.Coefficients.Amount, full.Amount)
            && SameLength(r.Coefficients.Tickets, full.Tickets) && SameLength(r.Coefficients.Minutes, full.Minutes)
            && SameLength(r.Coefficients.ThemeChurnRatios, full.ThemeChurnRatios) && SameLength(r.Coefficients.ThemeChurnScales, full.ThemeChurnScales)
            && r.Totals.Renewals.Length == fullTotals.Renewals.Length
            && r.Totals.Renewals.Zip(fullTotals.Renewals).All(p => p.First.Length == p.Second.Length)
            && r.Totals.NpsQuarters.Length == fullTotals.NpsQuarters.Length);

    static bool SameLength(double[]? a, double[]? b) => a is null ? b is null : b is not null && a.Length == b.Length;

    static void Write(BinaryWriter w, double[]? values)
    {
        w.Write(values?.Length ?? -1);
        if (values is null) return;
        foreach (var v in values) w.Write(v);
    }

    static double[]? ReadArray(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0) return null;
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = r.ReadDouble();
        return values;
    }

    static void Write(BinaryWriter w, ModelQuality q)
    {
        w.Write(q.Folds);
        Write(w, q.Auc);
        Write(w, q.CalibrationSlope);
        w.Write(q.CalibrationInTheLarge);
        w.Write(q.Calibration.Count);
        foreach (var bin in q.Calibration)
        {
            w.Write(bin.PredictedFrom);
            w.Write(bin.PredictedTo);
            w.Write(bin.MeanPredicted);
            Write(w, bin.Observed);
        }
    }

    static ModelQuality ReadQuality(BinaryReader r)
    {
        var folds = r.ReadInt32();
        var auc = ReadEstimate(r);
        var slope = ReadEstimate(r);
        var inTheLarge = r.ReadDouble();
        var bins = new CalibrationBin[r.ReadInt32()];
        for (var i = 0; i < bins.Length; i++) bins[i] = new CalibrationBin(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), ReadEstimate(r));
        return new ModelQuality(folds, auc, slope, inTheLarge, bins);
    }

    static void Write(BinaryWriter w, Estimate e)
    {
        w.Write(e.Value);
        w.Write(e.Lower);
        w.Write(e.Upper);
        w.Write(e.N);
        w.Write(e.Method);
        w.Write(e.ConfidenceLevel);
        w.Write(e.StandardError.HasValue);
        if (e.StandardError is { } se) w.Write(se);
    }

    static Estimate ReadEstimate(BinaryReader r)
    {
        var estimate = new Estimate(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadString(), r.ReadDouble());
        return r.ReadBoolean() ? estimate with { StandardError = r.ReadDouble() } : estimate;
    }
}
