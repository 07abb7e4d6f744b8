namespace ScholarGraph.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021).
/// We carry our own rather than use <see cref="Random"/> because <see cref="Random"/>'s seeded sequence is an implementation
/// detail that .NET has changed before; this one is fixed by its definition, so a seed names the same graph on every runtime.
/// </summary>
/// <remarks>
/// Integer draws are exact everywhere. Draws that go through <see cref="Math.Log(double)"/>, <see cref="Math.Exp"/> or
/// <see cref="Math.Cos"/> (the normal deviate) rely on the platform's math library, which IEEE 754 does not pin to the last bit;
/// on one runtime and platform they are reproducible.
/// </remarks>
internal sealed class GeneratorRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public GeneratorRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>
    /// An independent generator for one entity of one kind (say, the title of paper 812), so that what is drawn for it does not
    /// depend on how many draws came before: rendering can then run in any order or chunking and still give the same text.
    /// </summary>
    public static GeneratorRandom For(long seed, GeneratorStream stream, long index)
    {
        var state = (ulong)seed;
        var mixed = SplitMix64(ref state) ^ ((ulong)stream * 0xD1B54A32D192ED03UL);
        state = mixed;
        mixed = SplitMix64(ref state) ^ (ulong)index;
        return new GeneratorRandom(mixed);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int Next(int exclusiveMax)
    {
        if (exclusiveMax <= 0)
            throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "must be positive");
        var bound = (uint)exclusiveMax;
        var product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A standard normal deviate (Box-Muller; the second deviate is dropped to keep the stream simple).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Shuffles in place (Fisher-Yates).</summary>
    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The independent random streams of the generator; their numbers are part of what a seed means, so never renumber them.</summary>
internal enum GeneratorStream
{
    Plan = 1,
    PaperStructure = 2,
    Affiliations = 3,
    AuthorName = 4,
    PaperText = 5,
    VenuePlan = 6,
    PaperVenue = 7,
}
