using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Initial;
using Microsoft.Msagl.Layout.Layered;

namespace Plumbline.Reporting.Diagrams;

/// <summary>
/// A layered layout with groups whose edges between groups are routed around the obstacles near each edge only.
/// MSAGL lays each group out with its layered layout (the edges inside a group come from it); its own router then
/// routes every edge between groups on one visibility graph whose search, for an edge leaving a group, crosses the
/// whole interior of that group, so each such edge costs as much as the group holds and the total grows faster than the
/// design. Here each edge between groups (with any parallel edges between the same two nodes) gets the shortest path
/// around the obstacles it would meet, found near it: those its straight line passes, then those its path passes,
/// added and the path found again until it passes none. An obstacle is what MSAGL's router avoids: a node, or a group
/// the edge neither starts nor ends in, as one box. The path keeps <see cref="Clearance"/> off each obstacle and its
/// corners are rounded within that, so an edge costs what lies along it and crosses no node.
/// </summary>
internal static class GroupEdgeRouter
{
    /// <summary>Finds the path again with the obstacles it passed at most this many times; a path still passing one is kept.</summary>
    private const int Rounds = 8;

    /// <summary>Grid cell of the obstacle index, in layout units (a node is about 100 to 200 wide).</summary>
    private const double Cell = 100;

    /// <summary>How far past its box an obstacle is indexed: the clearance of three parallel edges and more.</summary>
    private const double Reach = 24;

    public static void Layout(GeometryGraph graph, SugiyamaLayoutSettings settings)
    {
        // As MSAGL prepares a graph with groups for its layout by group (LayoutHelpers.ProcessSugiyamaLayout).
        foreach (var edge in graph.Edges)
        {
            edge.Curve = null;
            var e = edge;
            edge.SourcePort ??= new RelativeFloatingPort(() => e.Source.BoundaryCurve, () => e.Source.Center);
            edge.TargetPort ??= new RelativeFloatingPort(() => e.Target.BoundaryCurve, () => e.Target.Center);
        }

        var inGroups = new HashSet<Node>(graph.RootCluster.AllClustersDepthFirst().SelectMany(c => c.Nodes));
        foreach (var node in graph.Nodes.Where(n => !inGroups.Contains(n)).ToList())
        {
            graph.RootCluster.AddChild(node);
        }

        new InitialLayoutByCluster(graph, settings).Run();
        var between = graph.Edges.Where(e => e.Curve is null).ToList();
        Route(graph, between);
        if (between.Count > 0)
        {
            new EdgeLabelPlacement(graph.Nodes, between).Run();
        }

        graph.UpdateBoundingBox();
    }

    private static void Route(GeometryGraph graph, List<Edge> edges)
    {
        var root = graph.RootCluster;
        var parent = new Dictionary<Node, Cluster>();
        var items = new List<Node>();
        foreach (var cluster in root.AllClustersDepthFirst())
        {
            foreach (var node in cluster.Nodes)
            {
                parent[node] = cluster;
                items.Add(node);
            }

            foreach (var child in cluster.Clusters)
            {
                parent[child] = cluster;
                items.Add(child);
            }
        }

        var index = new Dictionary<(int, int), List<Node>>();
        foreach (var item in items)
        {
            foreach (var cell in Cells(item.BoundingBox))
            {
                if (!index.TryGetValue(cell, out var list))
                {
                    index[cell] = list = [];
                }

                list.Add(item);
            }
        }

        // Parallel edges (either way round) are routed together, so the router draws them side by side.
        var pairs = new Dictionary<(Node, Node), List<Edge>>();
        var order = new List<(Node, Node)>();
        foreach (var edge in edges)
        {
            var key = string.CompareOrdinal((string)edge.Source.UserData, (string)edge.Target.UserData) <= 0 ? (edge.Source, edge.Target) : (edge.Target, edge.Source);
            if (!pairs.TryGetValue(key, out var list))
            {
                pairs[key] = list = [];
                order.Add(key);
            }

            list.Add(edge);
        }

        foreach (var key in order)
        {
            RoutePair(key.Item1, key.Item2, pairs[key], parent, root, index);
        }
    }

    private static void RoutePair(Node a, Node b, List<Edge> edges, Dictionary<Node, Cluster> parent, Cluster root, Dictionary<(int, int), List<Node>> index)
    {
        // The groups the edge may enter: those holding either end.
        var open = new HashSet<Node> { a, b };
        foreach (var end in (Node[])[a, b])
        {
            for (var p = parent.GetValueOrDefault(end); p is not null && p != root; p = parent.GetValueOrDefault(p))
            {
                open.Add(p);
            }
        }

        Node? Obstacle(Node item)
        {
            Node? top = null;
            for (var at = item; at is not null && at != root && !open.Contains(at); at = parent.GetValueOrDefault(at))
            {
                top = at;
            }

            return top;
        }

        // Parallel edges run side by side, Spacing apart, so the path they share keeps that much more clear.
        var spread = (edges.Count - 1) * Spacing / 2;
        var clearance = Clearance + spread;
        var obstacles = new List<Rectangle>();
        var taken = new HashSet<Node>();
        void Take(IEnumerable<Node> found)
        {
            foreach (var o in found)
            {
                if (taken.Add(o))
                {
                    obstacles.Add(o.BoundingBox);
                }
            }
        }

        Take(Crossed(Straight(a.Center, b.Center), index, Obstacle, clearance));
        List<Point>? path = null;
        for (var round = 0; round < Rounds; round++)
        {
            path = ShortestPath(a.Center, b.Center, obstacles, clearance) ?? ShortestPath(a.Center, b.Center, obstacles, Clearance / 4);
            if (path is null)
            {
                break;
            }

            var before = obstacles.Count;
            for (var i = 1; i < path.Count; i++)
            {
                Take(Crossed(Straight(path[i - 1], path[i]), index, Obstacle, clearance - 1));
            }

            if (obstacles.Count == before)
            {
                break;
            }
        }

        path ??= [a.Center, b.Center];

        for (var i = 0; i < edges.Count; i++)
        {
            var points = Offset(path, (i * Spacing) - spread);
            points = Clip(points, a.BoundingBox, b.BoundingBox);
            if (edges[i].Source != a)
            {
                points.Reverse();
            }

            edges[i].Curve = Rounded(points, Clearance);
        }
    }

    /// <summary>Distance kept between a path and the boxes it passes (before its corners are rounded).</summary>
    private const double Clearance = 8;

    /// <summary>Between parallel edges.</summary>
    private const double Spacing = 6;

    /// <summary>
    /// The shortest path from <paramref name="from"/> to <paramref name="to"/> that keeps <paramref name="clearance"/>
    /// off every box: through the corners of the boxes grown by it (a visibility graph), or none if the boxes close it off.
    /// </summary>
    private static List<Point>? ShortestPath(Point from, Point to, List<Rectangle> boxes, double clearance)
    {
        var grown = new Rectangle[boxes.Count];
        for (var i = 0; i < boxes.Count; i++)
        {
            var r = boxes[i];
            grown[i] = new Rectangle(new Point(r.Left - clearance, r.Bottom - clearance), new Point(r.Right + clearance, r.Top + clearance));
        }

        var points = new List<Point>(2 + (4 * grown.Length)) { from, to };
        foreach (var g in grown)
        {
            foreach (var corner in (ReadOnlySpan<Point>)[g.LeftBottom, g.RightBottom, g.RightTop, g.LeftTop])
            {
                var free = true;
                foreach (var o in grown)
                {
                    if (Inside(corner, o, 0.5))
                    {
                        free = false;
                        break;
                    }
                }

                if (free)
                {
                    points.Add(corner);
                }
            }
        }

        bool Visible(Point p, Point q)
        {
            foreach (var o in grown)
            {
                if (Crosses(p, q, o, 0.5))
                {
                    return false;
                }
            }

            return true;
        }

        var distance = Enumerable.Repeat(double.PositiveInfinity, points.Count).ToArray();
        var previous = Enumerable.Repeat(-1, points.Count).ToArray();
        var done = new bool[points.Count];
        distance[0] = 0;
        for (var step = 0; step < points.Count; step++)
        {
            var u = -1;
            for (var i = 0; i < points.Count; i++)
            {
                if (!done[i] && !double.IsPositiveInfinity(distance[i]) && (u < 0 || distance[i] < distance[u]))
                {
                    u = i;
                }
            }

            if (u < 0 || u == 1)
            {
                break;
            }

            done[u] = true;
            for (var v = 0; v < points.Count; v++)
            {
                if (done[v])
                {
                    continue;
                }

                var d = distance[u] + (points[v] - points[u]).Length;
                if (d < distance[v] && Visible(points[u], points[v]))
                {
                    distance[v] = d;
                    previous[v] = u;
                }
            }
        }

        if (previous[1] < 0)
        {
            return null;
        }

        var path = new List<Point>();
        for (var at = 1; at >= 0; at = previous[at])
        {
            path.Add(points[at]);
        }

        path.Reverse();
        return path;
    }

    /// <summary>Whether <paramref name="p"/> lies inside <paramref name="box"/> shrunk by <paramref name="shrink"/>.</summary>
    private static bool Inside(Point p, Rectangle box, double shrink) =>
        p.X > box.Left + shrink && p.X < box.Right - shrink && p.Y > box.Bottom + shrink && p.Y < box.Top - shrink;

    /// <summary>Whether the segment passes through <paramref name="box"/> shrunk by <paramref name="shrink"/> (Liang-Barsky clipping).</summary>
    private static bool Crosses(Point p, Point q, Rectangle box, double shrink)
    {
        var (left, right, bottom, top) = (box.Left + shrink, box.Right - shrink, box.Bottom + shrink, box.Top - shrink);
        if (left >= right || bottom >= top)
        {
            return false;
        }

        double t0 = 0, t1 = 1;
        var (dx, dy) = (q.X - p.X, q.Y - p.Y);
        bool Clip(double denominator, double numerator)
        {
            if (denominator == 0)
            {
                return numerator > 0;
            }

            var t = numerator / denominator;
            if (denominator < 0)
            {
                if (t > t1)
                {
                    return false;
                }

                t0 = Math.Max(t0, t);
            }
            else
            {
                if (t < t0)
                {
                    return false;
                }

                t1 = Math.Min(t1, t);
            }

            return true;
        }

        return Clip(-dx, p.X - left) && Clip(dx, right - p.X) && Clip(-dy, p.Y - bottom) && Clip(dy, top - p.Y) && t1 - t0 > 1e-9;
    }

    /// <summary>The path moved sideways by <paramref name="by"/> (left of its direction), each corner along its bisector.</summary>
    private static List<Point> Offset(List<Point> path, double by)
    {
        if (by == 0)
        {
            return [.. path];
        }

        Point Normal(Point p, Point q)
        {
            var d = q - p;
            var length = d.Length;
            return length == 0 ? new Point(0, 0) : new Point(-d.Y / length, d.X / length);
        }

        var moved = new List<Point>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            var before = i > 0 ? Normal(path[i - 1], path[i]) : Normal(path[0], path[1]);
            var after = i < path.Count - 1 ? Normal(path[i], path[i + 1]) : before;
            var sum = before + after;
            var cos = sum.Length / 2;
            moved.Add(sum.Length < 1e-9 ? path[i] + (before * by) : path[i] + (sum * (by / (sum.Length * Math.Max(cos, 0.5)))));
        }

        return moved;
    }

    /// <summary>The path from where it leaves the first box to where it enters the second.</summary>
    private static List<Point> Clip(List<Point> path, Rectangle from, Rectangle to)
    {
        var first = 0;
        while (first + 1 < path.Count - 1 && Inside(path[first + 1], from, 0))
        {
            first++;
        }

        var last = path.Count - 1;
        while (last - 1 > first + 1 && Inside(path[last - 1], to, 0))
        {
            last--;
        }

        var start = Exit(path[first], path[first + 1], from);
        var end = Exit(path[last], path[last - 1], to);
        var clipped = new List<Point> { start };
        clipped.AddRange(path.Skip(first + 1).Take(last - first - 1));
        clipped.Add(end);
        return clipped;
    }

    /// <summary>Where the segment from <paramref name="inside"/> towards <paramref name="toward"/> leaves the box (the start point if it is not inside).</summary>
    private static Point Exit(Point inside, Point toward, Rectangle box)
    {
        if (!Inside(inside, box, 0))
        {
            return inside;
        }

        var d = toward - inside;
        var tx = d.X > 0 ? (box.Right - inside.X) / d.X : d.X < 0 ? (box.Left - inside.X) / d.X : double.PositiveInfinity;
        var ty = d.Y > 0 ? (box.Top - inside.Y) / d.Y : d.Y < 0 ? (box.Bottom - inside.Y) / d.Y : double.PositiveInfinity;
        var t = Math.Min(1, Math.Min(tx, ty));
        return inside + (d * t);
    }

    /// <summary>
    /// The path as lines with each corner rounded by a curve within <paramref name="radius"/> of it: the curve keeps
    /// inside the corner's triangle, so it comes no nearer a box than the corner's clearance less the radius's share.
    /// </summary>
    private static ICurve Rounded(List<Point> path, double radius)
    {
        if (path.Count == 2)
        {
            return new LineSegment(path[0], path[1]);
        }

        var curve = new Curve();
        var at = path[0];
        void LineTo(Point p)
        {
            if ((p - at).Length > 1e-6)
            {
                curve.AddSegment(new LineSegment(at, p));
                at = p;
            }
        }

        for (var i = 1; i < path.Count - 1; i++)
        {
            var (inward, outward) = (path[i] - path[i - 1], path[i + 1] - path[i]);
            var r = Math.Min(radius, Math.Min(inward.Length, outward.Length) / 2);
            if (r < 1e-6)
            {
                LineTo(path[i]);
                continue;
            }

            var p1 = path[i] - (inward * (r / inward.Length));
            var p2 = path[i] + (outward * (r / outward.Length));
            LineTo(p1);
            curve.AddSegment(new CubicBezierSegment(p1, p1 + ((path[i] - p1) * (2.0 / 3)), p2 + ((path[i] - p2) * (2.0 / 3)), p2));
            at = p2;
        }

        LineTo(path[^1]);
        return curve;
    }

    /// <summary>The obstacles (as <paramref name="obstacle"/> maps what the index holds) whose box, grown by <paramref name="grow"/>, holds one of the points.</summary>
    private static IEnumerable<Node> Crossed(IEnumerable<Point> points, Dictionary<(int, int), List<Node>> index, Func<Node, Node?> obstacle, double grow)
    {
        var seen = new HashSet<Node>();
        foreach (var p in points)
        {
            if (!index.TryGetValue(CellOf(p), out var list))
            {
                continue;
            }

            foreach (var item in list)
            {
                var box = item.BoundingBox;
                if (p.X > box.Left - grow && p.X < box.Right + grow && p.Y > box.Bottom - grow && p.Y < box.Top + grow
                    && obstacle(item) is { } o && seen.Add(o))
                {
                    yield return o;
                }
            }
        }
    }

    /// <summary>Points along a straight line, every 2 units.</summary>
    private static IEnumerable<Point> Straight(Point from, Point to)
    {
        var steps = Math.Max(1, (int)Math.Ceiling((to - from).Length / 2));
        for (var i = 0; i <= steps; i++)
        {
            yield return from + ((to - from) * ((double)i / steps));
        }
    }

    /// <summary>Points along a curve, about every 2 units on each of its pieces.</summary>
    private static IEnumerable<Point> Sample(ICurve curve)
    {
        IEnumerable<ICurve> pieces = curve is Curve composite ? composite.Segments : [curve];
        foreach (var piece in pieces)
        {
            var steps = Math.Max(2, (int)Math.Ceiling(piece.Length / 2));
            for (var i = 0; i <= steps; i++)
            {
                yield return piece[piece.ParStart + ((piece.ParEnd - piece.ParStart) * i / steps)];
            }
        }
    }

    private static (int, int) CellOf(Point p) => ((int)Math.Floor(p.X / Cell), (int)Math.Floor(p.Y / Cell));

    private static IEnumerable<(int, int)> Cells(Rectangle box)
    {
        // Grown by the start's reach, so a point that near a box finds it in its own cell.
        for (var i = (int)Math.Floor((box.Left - Reach) / Cell); i <= (int)Math.Floor((box.Right + Reach) / Cell); i++)
        {
            for (var j = (int)Math.Floor((box.Bottom - Reach) / Cell); j <= (int)Math.Floor((box.Top + Reach) / Cell); j++)
            {
                yield return (i, j);
            }
        }
    }
}
