namespace GanAugment.Evaluation.Metrics;

/// <summary>
/// The minimum-cost one-to-one assignment of rows to columns (the Hungarian method of Kuhn 1955
/// and Munkres 1957, in its O(n²·m) shortest-augmenting-path form with row and column potentials).
/// </summary>
public static class HungarianAssignment
{
    /// <summary>
    /// The column of each row that minimises Σ_i cost[i, column[i]] with no column used twice.
    /// With more rows than columns, the rows left over get −1.
    /// </summary>
    public static int[] Minimize(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        foreach (var c in cost)
            if (!double.IsFinite(c)) throw new ArgumentException("the cost matrix holds a value that is not finite");
        if (rows <= columns) return Solve(cost, rows, columns);
        // More rows than columns: assign the columns to rows instead, then invert.
        var transposed = new double[columns, rows];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) transposed[j, i] = cost[i, j];
        var rowOfColumn = Solve(transposed, columns, rows);
        var result = Enumerable.Repeat(-1, rows).ToArray();
        for (var j = 0; j < columns; j++) result[rowOfColumn[j]] = j;
        return result;
    }

    /// <summary>The assignment that maximises Σ_i score[i, column[i]].</summary>
    public static int[] Maximize(double[,] score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var cost = new double[score.GetLength(0), score.GetLength(1)];
        for (var i = 0; i < cost.GetLength(0); i++)
            for (var j = 0; j < cost.GetLength(1); j++) cost[i, j] = -score[i, j];
        return Minimize(cost);
    }

    // Rows are added one at a time; each addition grows a shortest-path tree over the columns
    // (reduced costs cost − u − v stay ≥ 0) until it reaches a free column, then flips the path.
    // Indices are 1-based inside, column 0 being the virtual start of each search.
    private static int[] Solve(double[,] cost, int rows, int columns)
    {
        var u = new double[rows + 1];
        var v = new double[columns + 1];
        var rowOf = new int[columns + 1];
        var previous = new int[columns + 1];
        for (var row = 1; row <= rows; row++)
        {
            rowOf[0] = row;
            var column = 0;
            var slack = Enumerable.Repeat(double.PositiveInfinity, columns + 1).ToArray();
            var visited = new bool[columns + 1];
            do
            {
                visited[column] = true;
                var i = rowOf[column];
                var delta = double.PositiveInfinity;
                var next = 0;
                for (var j = 1; j <= columns; j++)
                {
                    if (visited[j]) continue;
                    var reduced = cost[i - 1, j - 1] - u[i] - v[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previous[j] = column;
                    }
                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        next = j;
                    }
                }
                for (var j = 0; j <= columns; j++)
                {
                    if (visited[j])
                    {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    }
                    else slack[j] -= delta;
                }
                column = next;
            }
            while (rowOf[column] != 0);
            // Flip the augmenting path back to the start.
            do
            {
                var before = previous[column];
                rowOf[column] = rowOf[before];
                column = before;
            }
            while (column != 0);
        }
        var result = new int[rows];
        for (var j = 1; j <= columns; j++)
            if (rowOf[j] != 0) result[rowOf[j] - 1] = j - 1;
        return result;
    }
}
