import { contextBridge, ipcRenderer } from 'electron';
import { makeClient } from './contract';

// Exactly the contract, nothing else: the renderer never sees ipcRenderer itself.
contextBridge.exposeInMainWorld('clinic', makeClient((channel, payload) => ipcRenderer.invoke(channel, payload)));
