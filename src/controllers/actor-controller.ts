/**
 * Binds an XState actor to a Lit element. Written here rather than taken from a package:
 * `@xstate/lit` is not published, and the community one subscribes in the constructor, so an
 * element moved in the page stops updating.
 *
 * The actor lives while the element is connected. On disconnect the controller keeps the
 * persisted snapshot and stops the actor; on reconnect it resumes from that snapshot, so a
 * moved element carries on where it was.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type Actor,
  type AnyActorLogic,
  createActor,
  type EmittedFrom,
  type EventFromLogic,
  type InputFrom,
  type Snapshot,
  type SnapshotFrom,
  type Subscription,
} from 'xstate';

/** How the controller starts and saves the actor. */
export interface ActorControllerOptions<TLogic extends AnyActorLogic> {
  /** Input for a fresh actor. Read at each start, so it can depend on attributes. */
  input?: () => InputFrom<TLogic>;
  /** A persisted snapshot to resume from when the element first connects (e.g. after a reload). */
  restore?: () => Snapshot<unknown> | undefined;
  /** Receives the persisted snapshot after every change, e.g. to keep it in sessionStorage. */
  persist?: (persisted: Snapshot<unknown>) => void;
  /** Receives what the actor emits (XState `emit` actions). */
  onEmitted?: (event: EmittedFrom<TLogic>) => void;
}

/** A reactive controller that owns one actor and re-renders its host on every snapshot. */
export class ActorController<TLogic extends AnyActorLogic> implements ReactiveController {
  private actor: Actor<TLogic> | undefined;
  private subscription: Subscription | undefined;
  private emitted: Subscription | undefined;
  private persisted: Snapshot<unknown> | undefined;
  private current: SnapshotFrom<TLogic> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly logic: TLogic,
    private readonly options: ActorControllerOptions<TLogic> = {},
  ) {
    host.addController(this);
  }

  /** The latest snapshot. Only valid while the host is connected. */
  get snapshot(): SnapshotFrom<TLogic> {
    if (!this.current) throw new Error('ActorController: the host is not connected');
    return this.current;
  }

  /** The persisted form of the current snapshot, for saving; undefined while disconnected. */
  get persistedSnapshot(): Snapshot<unknown> | undefined {
    return this.actor?.getPersistedSnapshot();
  }

  hostConnected(): void {
    this.start(this.persisted ?? this.options.restore?.());
  }

  hostDisconnected(): void {
    if (!this.actor) return;
    const persisted = this.actor.getPersistedSnapshot();
    this.stop();
    this.persisted = persisted;
  }

  /** Sends an event to the running actor. Ignored while disconnected. */
  send(event: EventFromLogic<TLogic>): void {
    this.actor?.send(event);
  }

  /** Stops the actor for good (quick exit): nothing more is persisted. */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.emitted?.unsubscribe();
    this.emitted = undefined;
    this.actor?.stop();
    this.actor = undefined;
    this.persisted = undefined;
  }

  /** Throws the conversation away and starts a fresh one. */
  restart(): void {
    this.stop();
    this.start(undefined);
  }

  private start(snapshot: Snapshot<unknown> | undefined): void {
    const input = this.options.input?.();
    let actor: Actor<TLogic>;
    try {
      actor = createActor(this.logic, { input, snapshot });
    } catch {
      // A snapshot saved by an older version of the machine: start afresh rather than break.
      actor = createActor(this.logic, { input });
    }
    this.actor = actor;
    this.subscription = actor.subscribe({
      next: (next) => this.update(actor, next),
      error: () => this.host.requestUpdate(),
    });
    const onEmitted = this.options.onEmitted;
    if (onEmitted) this.emitted = actor.on('*', (event) => onEmitted(event as EmittedFrom<TLogic>));
    actor.start();
    this.update(actor, actor.getSnapshot());
  }

  private update(actor: Actor<TLogic>, snapshot: SnapshotFrom<TLogic>): void {
    this.current = snapshot;
    this.options.persist?.(actor.getPersistedSnapshot());
    this.host.requestUpdate();
  }
}
