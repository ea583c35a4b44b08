namespace Fulcrum.Data.Demo;

/// <summary>The fixed vocabulary of the synthetic B2B SaaS company.</summary>
internal static class DemoCatalog
{
    public const string CorePlatform = "Core Platform";
    public static readonly string[] AddOnProducts = ["Analytics", "Automation", "Connect"];

    public const string Smb = "SMB", MidMarket = "Mid-Market", Enterprise = "Enterprise";
    public static readonly string[] Segments = [Smb, MidMarket, Enterprise];

    public static readonly string[] Regions = ["North America", "EMEA", "APAC", "LATAM"];
    public static readonly double[] RegionWeights = [0.45, 0.30, 0.15, 0.10];

    public static readonly string[] Industries = ["Software", "Financial services", "Healthcare", "Retail", "Manufacturing", "Public sector"];

    static readonly string[] NameStems = ["Nor", "Bright", "Blue", "Silver", "Oak", "Iron", "Clear", "Summit", "Harbor", "North", "Red", "Stone", "Cedar", "Falcon", "Atlas", "Vertex", "Nova", "Pioneer", "Granite", "Willow"];
    static readonly string[] NameEnds = ["bridge", "field", "point", "wave", "line", "gate", "works", "stream", "ridge", "path", "forge", "crest"];
    static readonly string[] NameKinds = ["Logistics", "Health", "Capital", "Systems", "Foods", "Energy", "Labs", "Partners", "Retail", "Manufacturing", "Media", "Group"];

    public static readonly string[] AccountManagers =
    [
        "Ana Torres", "Ben Carter", "Chloe Martin", "David Kim", "Elena Rossi", "Farid Haddad", "Grace Liu", "Hugo Meyer",
        "Ines Silva", "Jonas Berg", "Kira Novak", "Liam Walsh", "Maya Patel", "Noah Fischer", "Olga Ivanova", "Pablo Ruiz",
        "Quinn Murphy", "Rosa Costa", "Sam Okafor", "Tara Singh", "Umar Sheikh", "Vera Lindqvist", "Will Turner", "Yuki Tanaka",
    ];

    public static readonly string[] TicketChannels = ["email", "chat", "phone", "portal"];
    public static readonly double[] TicketChannelWeights = [0.4, 0.3, 0.2, 0.1];
    public static readonly string[] TicketCategories = ["how-to", "bug", "billing", "access", "performance", "integration"];

    public static string CompanyName(Random rng) =>
        $"{NameStems[rng.Next(NameStems.Length)]}{NameEnds[rng.Next(NameEnds.Length)]} {NameKinds[rng.Next(NameKinds.Length)]}";

    public static int Pick(Random rng, double[] weights)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            if (u < weights[i]) return i;
            u -= weights[i];
        }
        return weights.Length - 1;
    }
}
