import { registerAllServices } from '../../src/resources/allServices';

registerAllServices();
