import * as migration_20261129_213445_initial from './20261129_213445_initial';

export const migrations = [
  {
    up: migration_20261129_213445_initial.up,
    down: migration_20261129_213445_initial.down,
    name: '20261129_213445_initial'
  },
];
