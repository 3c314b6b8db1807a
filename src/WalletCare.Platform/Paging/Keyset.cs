using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace WalletCare.Platform.Paging;

/// <summary>
/// Keyset paging written once for every list of the API and the pages: rows ordered by a time and then
/// by id, the cursor carrying the last row's (time, id). Unlike OFFSET, a page costs the same at row
/// 1,000,000 as at row 1 (the order is an index's order), and rows inserted meanwhile never shift a page.
/// The projection runs in the database, so a page reads only the columns it shows.
/// </summary>
public static class Keyset
{
    public static Task<CursorPage<TOut>> PageAsync<T, TOut>(IQueryable<T> query, Expression<Func<T, DateTime>> time, Expression<Func<T, Guid>> id,
        bool descending, int? limit, string? cursor, Expression<Func<T, TOut>> select, Func<TOut, (DateTime Time, Guid Id)> keyOf, CancellationToken ct) =>
        PageCoreAsync(query, time, id, descending, limit, cursor, select, keyOf, ct);

    /// <summary>The same over a nullable time column that is never null in practice (the queue's NextDueAt), keeping its index order.</summary>
    public static Task<CursorPage<TOut>> PageAsync<T, TOut>(IQueryable<T> query, Expression<Func<T, DateTime?>> time, Expression<Func<T, Guid>> id,
        bool descending, int? limit, string? cursor, Expression<Func<T, TOut>> select, Func<TOut, (DateTime Time, Guid Id)> keyOf, CancellationToken ct) =>
        PageCoreAsync(query, time, id, descending, limit, cursor, select, keyOf, ct);

    private static async Task<CursorPage<TOut>> PageCoreAsync<T, TKey, TOut>(IQueryable<T> query, Expression<Func<T, TKey>> time, Expression<Func<T, Guid>> id,
        bool descending, int? limit, string? cursor, Expression<Func<T, TOut>> select, Func<TOut, (DateTime Time, Guid Id)> keyOf, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        if (Cursor.TryDecode(cursor, out DateTime after, out var afterId) && Guid.TryParse(afterId, out var aid))
            query = query.Where(After(time, id, after, aid, descending));
        var ordered = descending ? query.OrderByDescending(time).ThenByDescending(id) : query.OrderBy(time).ThenBy(id);
        var rows = await ordered.Take(take + 1).Select(select).ToListAsync(ct);
        var items = rows.Take(take).ToList();
        string? next = null;
        if (rows.Count > take)
        {
            var (t, i) = keyOf(items[^1]);
            next = Cursor.Encode(t, i.ToString());
        }
        return new CursorPage<TOut>(items, next);
    }

    /// <summary>time &gt; after OR (time = after AND id &gt; afterId) — reversed for descending lists.</summary>
    private static Expression<Func<T, bool>> After<T, TKey>(Expression<Func<T, TKey>> time, Expression<Func<T, Guid>> id, DateTime after, Guid afterId, bool descending)
    {
        var p = time.Parameters[0];
        var t = time.Body;
        var i = new ParameterReplacer(id.Parameters[0], p).Visit(id.Body);
        var a = Expression.Constant(after, typeof(TKey));
        var compare = Expression.Call(i, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Expression.Constant(afterId));
        var zero = Expression.Constant(0);
        var body = descending
            ? Expression.OrElse(Expression.LessThan(t, a), Expression.AndAlso(Expression.Equal(t, a), Expression.LessThan(compare, zero)))
            : Expression.OrElse(Expression.GreaterThan(t, a), Expression.AndAlso(Expression.Equal(t, a), Expression.GreaterThan(compare, zero)));
        return Expression.Lambda<Func<T, bool>>(body, p);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
