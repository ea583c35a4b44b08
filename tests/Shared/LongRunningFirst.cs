using Xunit.Abstractions;

namespace Fulcrum.Tests.Shared;

/// <summary>
/// Marks a test class (or a collection definition) as one of the test project's long poles: it starts before the others.
/// xUnit starts collections in order as its threads free up; a minutes-long class that happened to start last would
/// keep one core on its own while the rest of the run waits for it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class LongRunningAttribute(Type testClassOrCollection) : Attribute
{
    public Type TestClassOrCollection { get; } = testClassOrCollection;
}

/// <summary>
/// The collections of the assembly's <see cref="LongRunningAttribute"/>s first, in the order declared; then the rest
/// in xUnit's usual order (by unique id).
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public const string TypeName = "Fulcrum.Tests.Shared.LongRunningFirst";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        if (collections.Count == 0) return collections;
        var declared = collections[0].TestAssembly.Assembly.GetCustomAttributes(typeof(LongRunningAttribute))
            .Select(a => ((Type)a.GetConstructorArguments().Single()).FullName!)
            .ToList();
        int Rank(ITestCollection collection)
        {
            var index = declared.FindIndex(name =>
                collection.CollectionDefinition?.Name == name || collection.DisplayName == $"Test collection for {name}");
            return index < 0 ? declared.Count : index;
        }
        return collections.OrderBy(Rank).ThenBy(c => c.UniqueID);
    }
}
