/**
 * A component whose code loads on demand (its own chunk), so taskpane.html's first scripts stay
 * small. Unlike a bare React.lazy, once `preload()` has finished the component renders at once,
 * without suspending: the pane preloads every panel right after its first paint, and by the time
 * a clerk clicks a tab the panel is there (tests preload before rendering, for the same reason).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export interface Preloadable<P extends object> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts loading (once); resolves when the component can render without suspending. */
  preload(): Promise<void>;
}

type Module<P extends object> = { default: ComponentType<P> };

/** A thenable that calls back at once: React.lazy then resolves during the same render. */
function settled<P extends object>(module: Module<P>): PromiseLike<Module<P>> {
  return {
    then(onLoaded) {
      return Promise.resolve(onLoaded ? onLoaded(module) : module) as never;
    },
  };
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: Module<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = { default: component };
    }));
  const Component = lazy(() =>
    loaded ? (settled(loaded) as Promise<Module<P>>) : preload().then(() => loaded as Module<P>),
  );
  return { Component, preload };
}
