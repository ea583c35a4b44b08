using System.Runtime.CompilerServices;

// Lets CommentWriterTests check the phrase banks directly (sizes, tone coverage).
[assembly: InternalsVisibleTo("Fulcrum.Data.Tests")]
