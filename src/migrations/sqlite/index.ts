import * as migration_20261205_144546_initial from './20261205_144546_initial';

export const migrations = [
  {
    up: migration_20261205_144546_initial.up,
    down: migration_20261205_144546_initial.down,
    name: '20261205_144546_initial'
  },
];
