using System.Runtime.CompilerServices;

// The cash-flow projection and AUC are internal building blocks tested directly.
[assembly: InternalsVisibleTo("Fulcrum.Analytics.Tests")]
