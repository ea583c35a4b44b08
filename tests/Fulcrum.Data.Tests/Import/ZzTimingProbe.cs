using System.Diagnostics;
using Fulcrum.Data.Store;
using Xunit.Abstractions;
namespace Fulcrum.Data.Tests.Import;
public class ZzTimingProbe(ITestOutputHelper o)
{
    [Fact]
    public void Probe()
    {
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            using (var s = FulcrumStore.Open(":memory:")) { }
            o.WriteLine($"memory open {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var p = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".duckdb");
            using (var s = FulcrumStore.Open(p)) { o.WriteLine($"file open {sw.ElapsedMilliseconds} ms"); sw.Restart(); }
            o.WriteLine($"file close {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            using (var ws = new ImportWorkspace())
            {
                o.WriteLine($"ws {sw.ElapsedMilliseconds} ms"); sw.Restart();
                ws.SeedAccounts("A1");
                o.WriteLine($"seed {sw.ElapsedMilliseconds} ms"); sw.Restart();
                ws.Snapshot();
                o.WriteLine($"snapshot {sw.ElapsedMilliseconds} ms"); sw.Restart();
            }
            o.WriteLine($"dispose {sw.ElapsedMilliseconds} ms");
        }
    }
}
