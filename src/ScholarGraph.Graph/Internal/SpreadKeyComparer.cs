namespace ScholarGraph.Graph.Internal;

/// <summary>
/// Hashes 64-bit keys made of two 32-bit ids (<c>(a &lt;&lt; 32) | b</c>) so that they spread over every bucket. The default hash of
/// a <see cref="long"/> folds its halves with XOR, which for two small ids is just <c>a ^ b</c>: a few thousand distinct values
/// for millions of pairs, and dictionary lookups that walk long chains.
/// </summary>
internal sealed class SpreadKeyComparer : IEqualityComparer<long>
{
    public static readonly SpreadKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    // Fibonacci hashing: multiply by 2^64 / φ and keep the high bits, which depend on every bit of the key.
    public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
}
