package vn.motcua.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and how many items the whole list has: never a silent cut.
 *
 * @param page the page number, from 0
 * @param size the most items a page holds
 */
public record ResultPage<T>(List<T> items, long total, int page, int size) {
    /** The most items one page may hold. */
    public static final int MAX_SIZE = 1000;

    public <R> ResultPage<R> map(Function<T, R> mapping) {
        return new ResultPage<>(items.stream().map(mapping).toList(), total, page, size);
    }

    /** The offset of the first item of the page. */
    public static long offset(int page, int size) { return (long) page * size; }
}
