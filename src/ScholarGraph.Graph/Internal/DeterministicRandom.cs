namespace ScholarGraph.Graph.Internal;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014). Our own generator rather than <see cref="Random"/>, whose sequence for
/// a seed is not promised to stay the same across .NET versions; a seed must reproduce the same communities
/// after a runtime upgrade.
/// </summary>
internal sealed class DeterministicRandom(int seed)
{
    private ulong _state = 0x9E3779B97F4A7C15UL * ((ulong)(uint)seed + 1);

    /// <summary>A uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniformly distributed integer in <c>0..bound-1</c> (multiply-high, so without modulo bias worth measuring).</summary>
    public int NextInt(int bound) => (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);

    /// <summary>A uniformly distributed double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
