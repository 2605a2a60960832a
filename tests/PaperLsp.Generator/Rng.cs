namespace PaperLsp.Generator;

/// <summary>
/// SplitMix64 pseudo-random generator. Its algorithm is fixed here, so a given seed
/// produces the same sequence on every runtime (unlike <see cref="System.Random"/>).
/// </summary>
internal sealed class Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    public Rng(int seed) : this(unchecked((ulong)(long)seed) ^ 0x9E3779B97F4A7C15UL) { }

    public ulong NextU64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, n). n must be positive.</summary>
    public int Next(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        // Multiply-shift on the high 32 bits: deterministic and bias is negligible for our n.
        return (int)(((NextU64() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Uniform integer in [min, max] (inclusive).</summary>
    public int Range(int min, int max) => min + Next(max - min + 1);

    /// <summary>Uniform double in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextU64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => p > 0 && (p >= 1 || NextDouble() < p);

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>Index chosen with the given relative weights.</summary>
    public int Weighted(int[] weights)
    {
        int total = 0;
        foreach (var w in weights) total += w;
        int r = Next(total);
        for (int i = 0; i < weights.Length; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Length - 1;
    }

    /// <summary>Stable FNV-1a hash of a string (string.GetHashCode is randomised per process).</summary>
    public static ulong Hash(string s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in s)
        {
            h ^= c;
            h = unchecked(h * 0x100000001B3UL);
        }
        return h;
    }
}
