using System.Runtime.CompilerServices;

// The cash-flow projection and AUC are internal building blocks tested directly.
[assembly: InternalsVisibleTo("Fulcrum.Analytics.Tests")]

// The side-by-side bench exports the renewals exactly as the linkage places them in cells.
[assembly: InternalsVisibleTo("Fulcrum.Bench")]
