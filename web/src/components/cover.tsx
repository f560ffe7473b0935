import classes from './cover.module.css';

/** An opaque layer over the whole screen, shown at once while a lock or sign-in dialog is still loading. */
export function Cover() {
  return <div className={classes.cover} aria-hidden="true" />;
}
