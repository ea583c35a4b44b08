// The commands write to one process-wide console, and Spectre.Console refuses two live displays (progress bars, status
// spinners) at once: CLI test classes must not run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
