/**
 * What the dashboard shows at once while its data loads (the page streams behind it): the shapes of
 * the week, the pace and the milestones, so the page doesn't jump when they arrive.
 */
export default function DashboardLoading() {
  const block =
    "animate-pulse rounded-xl border border-stone-200 bg-white motion-reduce:animate-none dark:border-stone-800 dark:bg-stone-900";
  return (
    <div className="space-y-6" aria-busy="true" data-testid="dashboard-loading">
      <p className="sr-only" role="status">
        Loading the dashboard…
      </p>
      <div aria-hidden="true" className="space-y-2">
        <div className="h-8 w-2/3 animate-pulse rounded bg-stone-200 motion-reduce:animate-none dark:bg-stone-800" />
        <div className="h-4 w-1/2 animate-pulse rounded bg-stone-200 motion-reduce:animate-none dark:bg-stone-800" />
      </div>
      <div aria-hidden="true" className={`${block} h-32`} />
      <div aria-hidden="true" className={`${block} h-[28rem]`} />
      <div aria-hidden="true" className={`${block} h-64`} />
    </div>
  );
}
