using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>A 1,500-account demo company with some of its data changed or removed by <paramref name="alterations"/>, and its business case.</summary>
public abstract class AlteredDemoCompany : IDisposable
{
    protected AlteredDemoCompany(params string[] alterations)
    {
        Store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(Store, new DemoCompanyOptions(1_500, 3, 16));
        foreach (var sql in alterations) Store.Execute(sql);
        Report = BusinessCaseAnalysis.Run(new AnalysisFacts(Store), new LinkageOptions { Resamples = 100 }).Report;
    }

    public FulcrumStore Store { get; }
    public BusinessCaseReport Report { get; }

    public void Dispose()
    {
        Store.Dispose();
        GC.SuppressFinalize(this);
    }
}
