namespace PlanAtlas.Analyze.Clustering;

/// <summary>A sparse feature vector (indices ascending), as ML.NET's VBuffer hands it out.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            if (Indices[i] == other.Indices[j]) sum += (double)Values[i++] * other.Values[j++];
            else if (Indices[i] < other.Indices[j]) i++;
            else j++;
        }
        return sum;
    }

    public double SquaredNorm => Values.Sum(v => (double)v * v);

    public double Dot(float[] dense)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++) sum += (double)Values[i] * dense[Indices[i]];
        return sum;
    }
}
